package org.guanxi.app.handlers;

import java.net.URI;

import org.guanxi.app.Messages;
import org.guanxi.updates.UpdateSite;

/** The update site of Preferences; without one, an IllegalStateException whose message tells where to set it. */
final class UpdateSiteChoice {

    private UpdateSiteChoice() {
    }

    static URI require() {
        return UpdateSite.configured().orElseThrow(() -> new IllegalStateException(Messages.get("updates.noSite")));
    }
}
