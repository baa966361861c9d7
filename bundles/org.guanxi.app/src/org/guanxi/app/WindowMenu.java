package org.guanxi.app;

import java.util.List;

import org.eclipse.e4.ui.di.AboutToShow;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.commands.MCommand;
import org.eclipse.e4.ui.model.application.commands.MParameter;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.menu.MHandledMenuItem;
import org.eclipse.e4.ui.model.application.ui.menu.MMenuElement;
import org.eclipse.e4.ui.model.application.ui.menu.MMenuSeparator;
import org.eclipse.e4.ui.workbench.modeling.EModelService;

/**
 * The Window menu, built each time it opens from the perspectives of the modules installed: a module added or
 * removed needs no change here. A separator stands between modules.
 */
public class WindowMenu {

    static final String COMMAND = "org.guanxi.app.command.showPerspective";
    static final String PARAMETER = "org.guanxi.app.commandparameter.perspective";

    @AboutToShow
    void aboutToShow(List<MMenuElement> items, MApplication app, EModelService models) {
        MCommand command = app.getCommands().stream().filter(c -> COMMAND.equals(c.getElementId())).findFirst().orElseThrow();
        int group = Integer.MIN_VALUE;
        for (MPerspective p : Perspectives.installed(app, models)) {
            if (group != Integer.MIN_VALUE && Perspectives.group(p) != group) {
                items.add(models.createModelElement(MMenuSeparator.class));
            }
            group = Perspectives.group(p);
            MHandledMenuItem item = models.createModelElement(MHandledMenuItem.class);
            item.setElementId("org.guanxi.app.menuitem.show." + p.getElementId());
            item.setLabel(p.getLocalizedLabel());
            item.setIconURI(p.getIconURI());
            item.setCommand(command);
            MParameter parameter = models.createModelElement(MParameter.class);
            parameter.setName(PARAMETER);
            parameter.setValue(p.getElementId());
            item.getParameters().add(parameter);
            items.add(item);
        }
    }
}
