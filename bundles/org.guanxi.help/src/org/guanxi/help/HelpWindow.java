package org.guanxi.help;

import java.util.List;
import java.util.Locale;

import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.program.Program;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.guanxi.core.i18n.Texts;
import org.guanxi.help.HelpBook.Chapter;
import org.guanxi.help.HelpBook.Page;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * The user guide beside the workbench, not in front of it: the chapters of the installed modules on the left, the
 * page on the right. One window; opening it again brings it to the front at the chapter asked for.
 */
public final class HelpWindow extends Window {

    private static final Texts TEXTS = Texts.of(HelpWindow.class);
    private static HelpWindow open;

    private final List<Chapter> chapters;
    private Tree contents;
    private MarkdownView view;
    private Page shown;

    private HelpWindow(Shell parent, List<Chapter> chapters) {
        super(parent);
        this.chapters = chapters;
        setShellStyle(SWT.SHELL_TRIM);
        setBlockOnOpen(false);
    }

    /** Opens the guide, or brings it to the front, at the chapter of {@code module} when it has one. */
    public static HelpWindow show(Shell parent, String module) {
        if (open == null || open.getShell() == null || open.getShell().isDisposed()) {
            BundleContext bundles = FrameworkUtil.getBundle(HelpWindow.class).getBundleContext();
            open = new HelpWindow(parent, HelpBook.chapters(bundles, Locale.getDefault()));
            open.open();
        }
        open.getShell().setMinimized(false);
        open.getShell().setActive();
        open.chapters.stream().filter(c -> c.module().equals(module)).findFirst()
                .or(() -> open.chapters.stream().findFirst()).ifPresent(c -> open.show(c.pages().get(0)));
        return open;
    }

    public List<Chapter> chapters() {
        return chapters;
    }

    public Tree contents() {
        return contents;
    }

    public MarkdownView view() {
        return view;
    }

    public Page shown() {
        return shown;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(TEXTS.get("window.title"));
        shell.addDisposeListener(e -> open = null);
    }

    @Override
    protected Point getInitialSize() {
        return new Point(1200, 840);
    }

    @Override
    protected Control createContents(Composite parent) {
        parent.setLayout(new FillLayout());
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        contents = new Tree(sash, SWT.SINGLE | SWT.BORDER);
        for (Chapter chapter : chapters) {
            TreeItem item = new TreeItem(contents, SWT.NONE);
            item.setText(chapter.title());
            item.setData(chapter.pages().get(0));
            for (Page page : chapter.pages().subList(1, chapter.pages().size())) {
                TreeItem child = new TreeItem(item, SWT.NONE);
                child.setText(page.title());
                child.setData(page);
            }
            item.setExpanded(true);
        }
        contents.addListener(SWT.Selection, e -> {
            if (e.item != null && e.item.getData() instanceof Page page && page != shown) {
                show(page);
            }
        });
        view = new MarkdownView(sash, this::follow);
        sash.setWeights(24, 76);
        if (contents.getItemCount() > 0) {
            // GTK selects the first row of a tree without a cursor when it is first shown, after the chapter asked
            // for was selected; a cursor set now keeps it from doing so
            contents.setSelection(contents.getItem(0));
        }
        if (chapters.isEmpty()) {
            view.show(TEXTS.get("empty"), name -> null);
        }
        return sash;
    }

    /** Shows {@code page} and selects it in the contents. */
    public void show(Page page) {
        shown = page;
        view.show(page.read(), page::sibling);
        for (TreeItem chapter : contents.getItems()) {
            if (chapter.getData() == page) {
                contents.setSelection(chapter);
            }
            for (TreeItem item : chapter.getItems()) {
                if (item.getData() == page) {
                    contents.setSelection(item);
                }
            }
        }
    }

    /** A link to another page of the same chapter opens it here; a web or mail address opens in the system's program. */
    void follow(String target) {
        if (target.startsWith("https://") || target.startsWith("http://") || target.startsWith("mailto:")) {
            Program.launch(target);
            return;
        }
        String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
        chapters.stream().filter(c -> c.pages().contains(shown)).findFirst()
                .flatMap(c -> c.page(file)).ifPresent(this::show);
    }
}
