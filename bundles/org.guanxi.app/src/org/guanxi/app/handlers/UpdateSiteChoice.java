package org.guanxi.app.handlers;

import java.net.URI;

import org.guanxi.app.Messages;
import org.guanxi.core.db.Database;
import org.guanxi.updates.UpdateSite;

/**
 * The update site of Preferences, the deployment or the team server; without one, an IllegalStateException whose
 * message tells where to set it.
 */
final class UpdateSiteChoice {

    private UpdateSiteChoice() {
    }

    static URI require(Database db) {
        return UpdateSite.configured(db).orElseThrow(() -> new IllegalStateException(Messages.get("updates.noSite")));
    }
}
