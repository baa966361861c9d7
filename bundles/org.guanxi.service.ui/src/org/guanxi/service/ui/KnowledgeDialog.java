package org.guanxi.service.ui;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.model.KnowledgeArticle;
import org.guanxi.service.api.KnowledgeBase;
import org.guanxi.service.api.KnowledgeBase.Hit;
import org.guanxi.ui.common.Columns;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.FormDialog;
import org.guanxi.ui.common.Tables;
import org.guanxi.ui.common.Widgets;

/** Searches the knowledge base (starting with the case's subject) and picks the article sent as the answer. */
final class KnowledgeDialog extends FormDialog {

    private final KnowledgeBase knowledge;
    private final String initial;
    private Text query;
    private TableViewer hits;
    private Text preview;
    private Long chosen;

    KnowledgeDialog(Shell shell, KnowledgeBase knowledge, String initial) {
        super(shell, 1);
        this.knowledge = knowledge;
        this.initial = initial;
    }

    @Override
    protected String title() {
        return Messages.get("knowledge.title");
    }

    @Override
    protected void fill(Composite area) {
        query = Widgets.id(new Text(area, SWT.BORDER | SWT.SEARCH | SWT.ICON_SEARCH), "knowledge.query");
        query.setMessage(Messages.get("knowledge.query"));
        query.setText(initial == null ? "" : initial);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(query);
        hits = Tables.viewer(area, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE, "knowledge.hits");
        GridDataFactory.fillDefaults().grab(true, true).hint(640, 180).applyTo(hits.getTable());
        Columns.add(hits, Hit.class, Messages.get("knowledge.col.title"), 220, Hit::title);
        Columns.add(hits, Hit.class, Messages.get("knowledge.col.excerpt"), 360, Hit::excerpt);
        Columns.add(hits, Hit.class, Messages.get("knowledge.col.uses"), 60, h -> String.valueOf(h.uses()));
        preview = Widgets.id(new Text(area, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.READ_ONLY | SWT.V_SCROLL), "knowledge.preview");
        GridDataFactory.fillDefaults().grab(true, true).hint(640, 120).applyTo(preview);
        query.addListener(SWT.Modify, e -> search());
        hits.addSelectionChangedListener(e -> Tables.selected(hits, Hit.class).ifPresent(h -> {
            var a = knowledge.article(h.id());
            preview.setText(a.getTitle() + "\n\n" + a.getBody());
            getButton(IDialogConstants.OK_ID).setEnabled(true);
        }));
        hits.addDoubleClickListener(e -> okPressed());
        Composite actions = new Composite(area, SWT.NONE);
        org.eclipse.jface.layout.GridLayoutFactory.fillDefaults().numColumns(2).applyTo(actions);
        Widgets.button(actions, "knowledge.new", Messages.get("article.new"), () -> write(new KnowledgeArticle()));
        Widgets.button(actions, "knowledge.edit", Messages.get("article.edit"), () -> Tables.selected(hits, Hit.class)
                .ifPresent(h -> write(knowledge.article(h.id()))));
        search();
    }

    /** A new or improved article; it is found at once (the search index follows every save). */
    private void write(KnowledgeArticle article) {
        ArticleDialog dialog = new ArticleDialog(getShell(), knowledge, article);
        if (dialog.open() == OK && dialog.saved() != null) {
            query.setText(dialog.saved().getTitle());
            search();
        }
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, Messages.get("knowledge.send"), true).setEnabled(false);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    private void search() {
        try {
            hits.setInput(knowledge.search(query.getText(), 20));
        } catch (RuntimeException e) {
            Errors.show(getShell(), e);
        }
    }

    @Override
    protected void okPressed() {
        chosen = Tables.selected(hits, Hit.class).map(Hit::id).orElse(null);
        if (chosen != null) {
            super.okPressed();
        }
    }

    Long chosen() {
        return chosen;
    }
}
