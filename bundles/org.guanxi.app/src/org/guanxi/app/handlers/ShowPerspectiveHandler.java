package org.guanxi.app.handlers;

import java.util.List;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

import jakarta.inject.Named;

public class ShowPerspectiveHandler {

    @Execute
    void execute(@Named("org.guanxi.app.commandparameter.perspective") String id, MApplication app,
            EModelService models, EPartService parts) {
        List<MPerspective> found = models.findElements(app, id, MPerspective.class);
        if (!found.isEmpty()) {
            parts.switchPerspective(found.get(0));
        }
    }
}
