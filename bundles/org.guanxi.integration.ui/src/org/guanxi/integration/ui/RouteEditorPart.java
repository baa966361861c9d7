package org.guanxi.integration.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.ListViewer;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.Bullet;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.ST;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GlyphMetrics;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.guanxi.core.event.Topics;
import org.guanxi.core.i18n.Texts;
import org.guanxi.core.model.Permission;
import org.guanxi.core.service.IntegrationService;
import org.guanxi.core.service.SecurityService;
import org.guanxi.ui.common.Columns;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.Widgets;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Route files and mappings as integration engineers edit them. The text is checked while they type (the same
 * check the runtime makes before it replaces a route: the routes are built in a context that never starts; a
 * mapping is compiled); problems are marked on their lines and listed below. Saving a valid file replaces the
 * running routes or mapping at once; a file with problems can be saved as work in progress, and the running ones
 * stay until it is fixed. A file changed outside the product is shown as it is on disk unless it has unsaved edits.
 */
public class RouteEditorPart {

    private static final Texts TEXTS = Texts.of(RouteEditorPart.class);
    private static final int CHECK_DELAY_MS = 700;
    private static final Pattern LINE = Pattern.compile("line (\\d+)");

    @Inject
    private IntegrationService integration;

    @Inject
    private SecurityService security;

    private ListViewer files;
    private StyledText editor;
    private TableViewer problems;
    private Label status;
    private Button save;
    private Button revert;
    private Color errorLine;
    private Color lineNumber;

    private String file;
    private String onDisk;
    private boolean loading;
    private int checkGeneration;
    private final Runnable check = this::check;

    /** One problem as the list shows it; line 0 when the checker could not say where. */
    record Problem(int line, String message) {
    }

    @PostConstruct
    void create(Composite parent) {
        errorLine = new Color(parent.getDisplay(), new RGB(255, 220, 220));
        lineNumber = parent.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY);
        parent.addDisposeListener(e -> errorLine.dispose());
        GridLayoutFactory.swtDefaults().margins(10, 10).applyTo(parent);
        Label title = new Label(parent, SWT.NONE);
        title.setText(TEXTS.get("editor.title"));
        title.setFont(JFaceResources.getHeaderFont());
        Label hint = new Label(parent, SWT.WRAP);
        hint.setText(TEXTS.get("editor.hint", integration.routesFolder()));
        GridDataFactory.fillDefaults().grab(true, false).hint(500, SWT.DEFAULT).applyTo(hint);

        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        files = new ListViewer(sash, SWT.BORDER | SWT.SINGLE | SWT.V_SCROLL);
        Widgets.id(files.getControl(), "routes.files");
        files.setContentProvider(ArrayContentProvider.getInstance());
        files.setLabelProvider(new LabelProvider());
        files.addSelectionChangedListener(e -> open((String) ((IStructuredSelection) e.getSelection()).getFirstElement()));

        Composite right = new Composite(sash, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(right);
        status = Widgets.id(new Label(right, SWT.WRAP), "routes.status");
        GridDataFactory.fillDefaults().grab(true, false).hint(300, SWT.DEFAULT).applyTo(status);
        save = Widgets.id(new Button(right, SWT.PUSH), "routes.save");
        save.setText(TEXTS.get("editor.save"));
        save.addListener(SWT.Selection, e -> save());
        revert = new Button(right, SWT.PUSH);
        revert.setText(TEXTS.get("editor.revert"));
        revert.addListener(SWT.Selection, e -> open(file));

        SashForm split = new SashForm(right, SWT.VERTICAL);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, true).applyTo(split);
        editor = Widgets.id(new StyledText(split, SWT.BORDER | SWT.MULTI | SWT.H_SCROLL | SWT.V_SCROLL), "routes.editor");
        editor.setFont(JFaceResources.getTextFont());
        editor.setTabs(2);
        int marginWidth = 6 * charWidth();
        editor.addLineStyleListener(e -> {
            // line numbers in the margin, drawn as the lines' bullets
            StyleRange style = new StyleRange();
            style.foreground = lineNumber;
            style.metrics = new GlyphMetrics(0, 0, marginWidth);
            e.bullet = new Bullet(ST.BULLET_TEXT, style);
            e.bulletIndex = editor.getLineAtOffset(e.lineOffset);
            e.bullet.text = String.format("%4d  ", e.bulletIndex + 1);
        });
        editor.addModifyListener(e -> edited());
        problems = new TableViewer(split, SWT.BORDER | SWT.FULL_SELECTION);
        Widgets.id(problems.getControl(), "routes.problems");
        problems.getTable().setHeaderVisible(true);
        problems.setContentProvider(ArrayContentProvider.getInstance());
        Columns.add(problems, Problem.class, TEXTS.get("editor.col.line"), 60, p -> p.line() == 0 ? "" : Integer.toString(p.line()));
        Columns.add(problems, Problem.class, TEXTS.get("editor.col.problem"), 700, Problem::message);
        problems.addDoubleClickListener(e -> {
            Problem p = (Problem) ((IStructuredSelection) e.getSelection()).getFirstElement();
            if (p != null && p.line() > 0 && p.line() <= editor.getLineCount()) {
                editor.setCaretOffset(editor.getOffsetAtLine(p.line() - 1));
                editor.showSelection();
                editor.setFocus();
            }
        });
        split.setWeights(75, 25);
        sash.setWeights(22, 78);

        List<String> names = integration.editableFiles();
        files.setInput(names);
        if (!names.isEmpty()) {
            files.setSelection(new StructuredSelection(names.get(0)));
        } else {
            show(TEXTS.get("editor.none"));
        }
    }

    private int charWidth() {
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(editor);
        try {
            return (int) Math.ceil(gc.getFontMetrics().getAverageCharacterWidth());
        } finally {
            gc.dispose();
        }
    }

    private void open(String name) {
        if (name == null) {
            return;
        }
        if (file != null && !name.equals(file) && isDirty()
                && !MessageDialog.openQuestion(editor.getShell(), TEXTS.get("editor.discard.title"), TEXTS.get("editor.discard", file))) {
            files.setSelection(new StructuredSelection(file));
            return;
        }
        try {
            file = name;
            onDisk = integration.read(name);
            loading = true;
            editor.setText(onDisk);
            loading = false;
            boolean mayEdit = security.hasPermission(Permission.INTEGRATION_ADMIN);
            editor.setEditable(mayEdit);
            save.setEnabled(false);
            revert.setEnabled(false);
            show(mayEdit ? TEXTS.get("editor.checking") : TEXTS.get("editor.readOnly"));
            schedule();
        } catch (RuntimeException e) {
            Errors.show(editor.getShell(), e);
        }
    }

    private boolean isDirty() {
        return onDisk != null && !onDisk.equals(editor.getText());
    }

    private void edited() {
        if (loading) {
            return;
        }
        save.setEnabled(isDirty());
        revert.setEnabled(isDirty());
        schedule();
    }

    /** Checks after a pause in typing, not on every key. */
    private void schedule() {
        editor.getDisplay().timerExec(-1, check);
        editor.getDisplay().timerExec(CHECK_DELAY_MS, check);
    }

    /** Runs the check off the UI thread; only the latest check's answer is shown. */
    private void check() {
        if (editor.isDisposed() || file == null) {
            return;
        }
        int generation = ++checkGeneration;
        String name = file;
        String text = editor.getText();
        Thread t = new Thread(() -> {
            String reason;
            try {
                reason = integration.check(name, text);
            } catch (RuntimeException e) {
                reason = String.valueOf(e.getMessage());
            }
            String result = reason;
            editor.getDisplay().asyncExec(() -> {
                if (!editor.isDisposed() && generation == checkGeneration && name.equals(file)) {
                    mark(result);
                }
            });
        }, "guanxi-route-check");
        t.setDaemon(true);
        t.start();
    }

    /** Marks the lines the reason names and lists each problem; a clean file clears them. */
    private void mark(String reason) {
        List<Problem> list = parse(reason);
        editor.setLineBackground(0, editor.getLineCount(), null);
        for (Problem p : list) {
            if (p.line() > 0 && p.line() <= editor.getLineCount()) {
                editor.setLineBackground(p.line() - 1, 1, errorLine);
            }
        }
        problems.setInput(list);
        String state = list.isEmpty() ? TEXTS.get("editor.ok") : TEXTS.get("editor.problems", list.size());
        show(isDirty() ? state + " " + TEXTS.get("editor.unsaved") : state);
    }

    /**
     * A mapping's reason is one problem per line, each "line N: …" (see the runtime's mapping check); any other reason
     * is one problem, and the first "line N" in it (Camel's YAML loader says where it stopped) is where it is.
     */
    static List<Problem> parse(String reason) {
        List<Problem> out = new ArrayList<>();
        if (reason == null || reason.isBlank()) {
            return out;
        }
        List<String> parts = reason.lines().filter(l -> !l.isBlank()).toList();
        if (parts.stream().allMatch(l -> l.startsWith("line "))) {
            parts.forEach(l -> out.add(new Problem(lineOf(l), l.strip())));
        } else {
            out.add(new Problem(lineOf(reason), String.join(" ", parts.stream().map(String::strip).toList())));
        }
        return out;
    }

    private static int lineOf(String text) {
        Matcher m = LINE.matcher(text);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private void save() {
        String text = editor.getText();
        String reason = integration.check(file, text);
        if (reason != null && !MessageDialog.openQuestion(editor.getShell(), TEXTS.get("editor.saveBroken.title"),
                TEXTS.get("editor.saveBroken", file, parse(reason).get(0).message()))) {
            return;
        }
        try {
            String refused = integration.save(file, text);
            onDisk = text;
            save.setEnabled(false);
            revert.setEnabled(false);
            mark(refused);
            show(refused == null ? TEXTS.get("editor.saved", file) : TEXTS.get("editor.savedRefused", file));
        } catch (RuntimeException e) {
            Errors.show(editor.getShell(), e);
        }
    }

    private void show(String text) {
        status.setText(text);
        status.getParent().layout();
    }

    /** A file changed outside the product is shown as it is now, unless the user has unsaved edits. */
    @Inject
    @Optional
    void routesChanged(@UIEventTopic(Topics.INTEGRATION_CHANGED) Event event) {
        if (editor == null || editor.isDisposed() || file == null) {
            return;
        }
        List<String> names = integration.editableFiles();
        if (!names.equals(files.getInput())) {
            files.setInput(names);
            files.setSelection(new StructuredSelection(file));
        }
        String now;
        try {
            now = integration.read(file);
        } catch (RuntimeException e) {
            return; // deleted outside: keep the text so nothing is lost
        }
        if (!Objects.equals(now, onDisk)) {
            if (isDirty()) {
                show(TEXTS.get("editor.changedOutside", file));
            } else {
                open(file);
            }
        }
    }
}
