package org.guanxi.help;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.widgets.Shell;

/** Help → Contents (F1): the guide, at the chapter of the module whose perspective is in front. */
public class ContentsHandler {

    private static final Pattern PLUGIN = Pattern.compile("^platform:/plugin/([^/]+)");

    @Execute
    void execute(Shell shell, MWindow window, EModelService models) {
        HelpWindow.show(shell, module(models.getActivePerspective(window)));
    }

    /**
     * The bundle whose model fragment contributed the perspective: its contributor (platform:/plugin/BUNDLE), or, for
     * a perspective restored without one, the bundle its id starts with (BUNDLE.perspective.NAME).
     */
    public static String module(MPerspective perspective) {
        if (perspective == null) {
            return "";
        }
        String contributor = perspective.getContributorURI();
        Matcher bundle = contributor == null ? null : PLUGIN.matcher(contributor);
        if (bundle != null && bundle.find()) {
            return bundle.group(1);
        }
        String id = perspective.getElementId();
        int at = id == null ? -1 : id.indexOf(".perspective.");
        return at > 0 ? id.substring(0, at) : "";
    }
}
