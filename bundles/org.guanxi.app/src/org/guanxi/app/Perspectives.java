package org.guanxi.app;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspectiveStack;
import org.eclipse.e4.ui.workbench.modeling.EModelService;

/**
 * The perspectives the installed modules contribute to the window's perspective stack. Each carries its place as
 * persisted state {@value #RANK}: modules are apart by hundreds (customers 100, sales 200, …), so the order does not
 * depend on which bundle the platform happened to read first.
 */
public final class Perspectives {

    public static final String STACK = "org.guanxi.app.perspectivestack";
    public static final String RANK = "guanxi.rank";
    private static final Logger LOG = Logger.getLogger(Perspectives.class.getName());

    private Perspectives() {
    }

    /** The perspectives in the window, in rank order once {@link #arrange} ran. */
    public static List<MPerspective> installed(MApplication app, EModelService models) {
        MPerspectiveStack stack = stack(app, models);
        return stack == null ? List.of() : List.copyOf(stack.getChildren());
    }

    public static int rank(MPerspective p) {
        try {
            return Integer.parseInt(p.getPersistedState().getOrDefault(RANK, ""));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** The module a perspective belongs to in the menus: its rank's hundreds. */
    public static int group(MPerspective p) {
        return rank(p) / 100;
    }

    /** Orders the contributed perspectives by rank and opens the first, when nothing chose one before. */
    static void arrange(MApplication app, EModelService models) {
        MPerspectiveStack stack = stack(app, models);
        if (stack == null || stack.getChildren().isEmpty()) {
            return;
        }
        List<MPerspective> sorted = new ArrayList<>(stack.getChildren());
        sorted.sort(Comparator.comparingInt(Perspectives::rank));
        if (!sorted.equals(stack.getChildren())) {
            MPerspective selected = stack.getSelectedElement();
            stack.getChildren().clear();
            stack.getChildren().addAll(sorted);
            stack.setSelectedElement(selected);
        }
        if (stack.getSelectedElement() == null) {
            stack.setSelectedElement(sorted.get(0));
        }
        LOG.info(() -> "Perspectives of the modules installed: "
                + sorted.stream().map(MPerspective::getElementId).collect(Collectors.joining(" ")));
    }

    private static MPerspectiveStack stack(MApplication app, EModelService models) {
        List<MPerspectiveStack> found = models.findElements(app, STACK, MPerspectiveStack.class);
        return found.isEmpty() ? null : found.get(0);
    }
}
