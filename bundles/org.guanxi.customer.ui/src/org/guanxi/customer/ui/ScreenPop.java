package org.guanxi.customer.ui;

import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.guanxi.core.event.Topics;
import org.osgi.service.event.Event;

import jakarta.inject.Inject;

/**
 * Screen pop: when a telephony adapter posts {@link Topics#CALL_INCOMING}, the 360° view comes to the front with the
 * caller's customer, whatever the agent was looking at.
 */
public class ScreenPop {

    static final String PERSPECTIVE = "org.guanxi.customer.ui.perspective.customer360";
    static final String PART = "org.guanxi.customer.ui.part.customer360";

    @Inject
    private MApplication app;

    @Inject
    private EModelService models;

    @Inject
    @Optional
    void onCall(@UIEventTopic(Topics.CALL_INCOMING) Event event) {
        Object phone = event.getProperty(Topics.PROPERTY_PHONE);
        if (phone == null) {
            return;
        }
        EPartService parts = app.getContext().getActiveLeaf().get(EPartService.class);
        List<MPerspective> perspectives = models.findElements(app, PERSPECTIVE, MPerspective.class);
        if (parts == null || perspectives.isEmpty()) {
            return;
        }
        parts.switchPerspective(perspectives.get(0));
        MPart part = parts.findPart(PART);
        if (part != null) {
            parts.activate(part);
            if (part.getObject() instanceof Customer360Part view) {
                view.pop(phone.toString());
            }
        }
    }
}
