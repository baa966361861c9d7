package org.guanxi.core.event;

import java.util.Map;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Tells the other modules about a change; quietly does nothing while no EventAdmin runs (tests, tools). */
public final class Events {

    private Events() {
    }

    public static void post(EventAdmin admin, String topic, long id) {
        if (admin != null) {
            admin.postEvent(new Event(topic, Map.of(Topics.PROPERTY_ID, id)));
        }
    }
}
