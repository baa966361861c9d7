package org.guanxi.app.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Widget;
import org.guanxi.ui.common.Widgets;

/** A small stand-in for SWTBot (not on Maven Central): find widgets by their Guanxi id, drive them, wait. */
final class Ui {

    private Ui() {
    }

    /** Switches the workbench window to a perspective of the application model. */
    static void showPerspective(String id) {
        org.osgi.framework.BundleContext bc = org.osgi.framework.FrameworkUtil.getBundle(Ui.class).getBundleContext();
        org.eclipse.e4.ui.model.application.MApplication app = bc
                .getService(bc.getServiceReference(org.eclipse.e4.ui.workbench.IWorkbench.class)).getApplication();
        org.eclipse.e4.ui.workbench.modeling.EModelService models = app.getContext()
                .get(org.eclipse.e4.ui.workbench.modeling.EModelService.class);
        org.eclipse.e4.ui.model.application.ui.advanced.MPerspective p =
                (org.eclipse.e4.ui.model.application.ui.advanced.MPerspective) models.find(id, app);
        app.getChildren().get(0).getContext().get(org.eclipse.e4.ui.workbench.modeling.EPartService.class).switchPerspective(p);
        pump(200);
    }

    /** A check of the workbench's main window. */
    interface Check {
        void run(Shell shell) throws Exception;
    }

    /** Runs a check in the main window and leaves the workbench on the customer list for the next test, whatever happens. */
    static void inWorkbench(Check check) throws Exception {
        Shell shell = mainShell();
        try {
            check.run(shell);
        } finally {
            showPerspective("org.guanxi.customer.ui.perspective.customers");
        }
    }

    /** Brings a part of the current perspective to the front (another tab of its stack). */
    static void activatePart(String id) {
        org.osgi.framework.BundleContext bc = org.osgi.framework.FrameworkUtil.getBundle(Ui.class).getBundleContext();
        org.eclipse.e4.ui.model.application.MApplication app = bc
                .getService(bc.getServiceReference(org.eclipse.e4.ui.workbench.IWorkbench.class)).getApplication();
        org.eclipse.e4.ui.workbench.modeling.EPartService parts = app.getChildren().get(0).getContext()
                .get(org.eclipse.e4.ui.workbench.modeling.EPartService.class);
        parts.activate(parts.findPart(id));
        pump(300);
    }

    static Shell mainShell() {
        Display d = Display.getCurrent();
        waitUntil("the Guanxi CRM window", 60, () -> find(d) != null);
        return find(d);
    }

    private static Shell find(Display d) {
        for (Shell s : d.getShells()) {
            if (s.isVisible() && s.getText().startsWith("Guanxi CRM")) {
                return s;
            }
        }
        return null;
    }

    /** Runs the event loop until {@code condition} holds. */
    static void waitUntil(String what, int seconds, BooleanSupplier condition) {
        Display d = Display.getCurrent();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + seconds + " s waiting for " + what);
            }
            d.timerExec(50, () -> { });
            if (!d.readAndDispatch()) {
                d.sleep();
            }
        }
    }

    static void pump(int millis) {
        long until = System.nanoTime() + millis * 1_000_000L;
        waitUntil("time to pass", millis / 1000 + 5, () -> System.nanoTime() - until >= 0);
    }

    /** The visible widget with that id (editors in hidden tabs have invisible twins). */
    @SuppressWarnings("unchecked")
    static <W extends Widget> W byId(Composite root, String id) {
        List<Control> all = new ArrayList<>();
        collect(root, all);
        for (Control c : all) {
            if (id.equals(c.getData(Widgets.ID)) && !c.isDisposed() && c.isVisible()) {
                return (W) c;
            }
        }
        return null;
    }

    static <W extends Widget> W await(Composite root, String id) {
        waitUntil("widget " + id, 30, () -> byId(root, id) != null);
        return byId(root, id);
    }

    private static void collect(Control c, List<Control> out) {
        out.add(c);
        if (c instanceof Composite comp) {
            for (Control child : comp.getChildren()) {
                collect(child, out);
            }
        }
    }

    /** A service of the running product. */
    static <T> T service(Class<T> type) {
        org.osgi.framework.BundleContext bc = org.osgi.framework.FrameworkUtil.getBundle(Ui.class).getBundleContext();
        return bc.getService(bc.getServiceReference(type));
    }

    /** The dialog open over {@code main}: the newest visible shell other than it. */
    static Shell dialog(Shell main) {
        return java.util.Arrays.stream(main.getDisplay().getShells()).filter(s -> s != main && s.isVisible())
                .reduce((a, b) -> b).orElseThrow();
    }

    /** How many dialogs are open over {@code main}. */
    static int dialogs(Shell main) {
        return (int) java.util.Arrays.stream(main.getDisplay().getShells()).filter(s -> s != main && s.isVisible()).count();
    }

    /** The first button under {@code root} showing {@code text} (a dialog's OK), or null. */
    static org.eclipse.swt.widgets.Button button(Composite root, String text) {
        for (Control child : root.getChildren()) {
            if (child instanceof org.eclipse.swt.widgets.Button b && text.equals(b.getText())) {
                return b;
            }
            if (child instanceof Composite c) {
                org.eclipse.swt.widgets.Button found = button(c, text);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Scrolls the form that holds {@code c} so that {@code c} is in view (for a screenshot of a long editor). */
    static void showInScroll(org.eclipse.swt.widgets.Control c) {
        for (org.eclipse.swt.widgets.Composite p = c.getParent(); p != null; p = p.getParent()) {
            if (p instanceof org.eclipse.swt.custom.ScrolledComposite sc) {
                org.eclipse.swt.graphics.Point at = sc.getContent().toControl(c.toDisplay(0, 0));
                sc.setOrigin(0, Math.max(0, at.y - 40));
                return;
            }
        }
    }

    static void fire(Widget w, int type) {
        Event e = new Event();
        e.widget = w;
        w.notifyListeners(type, e);
    }

    static void click(Widget w) {
        fire(w, SWT.Selection);
    }

    /** Saves what the window shows, for people to look at. */
    static void screenshot(Shell shell, String name) {
        String dir = System.getProperty("guanxi.screenshots");
        if (dir == null) {
            return;
        }
        shell.redraw();
        shell.update();
        pump(400);
        try {
            Files.createDirectories(Path.of(dir));
            GC gc = new GC(shell);
            Image image = new Image(shell.getDisplay(), shell.getSize().x, shell.getSize().y);
            gc.copyArea(image, 0, 0);
            gc.dispose();
            ImageData data = image.getImageData();
            image.dispose();
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { data };
            loader.save(Path.of(dir, name).toString(), SWT.IMAGE_PNG);
        } catch (Exception e) {
            System.err.println("screenshot failed: " + e);
        }
    }

    /** The editable text fields under {@code root}, in the order a user tabs through them. */
    static org.eclipse.swt.widgets.Text[] editableTexts(Composite root) {
        List<Control> all = new java.util.ArrayList<>();
        collect(root, all);
        return all.stream().filter(c -> c instanceof org.eclipse.swt.widgets.Text t && t.getEditable())
                .toArray(org.eclipse.swt.widgets.Text[]::new);
    }
}
