package org.guanxi.service.ui;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.guanxi.core.model.KnowledgeArticle;
import org.guanxi.service.api.KnowledgeBase;
import org.guanxi.ui.common.Errors;
import org.guanxi.ui.common.FormDialog;

/**
 * A knowledge-base article written or improved by an agent: title, the answer as customers should read it, and
 * tags that searches also match. Someone else's newer edit is reported as a conflict, not overwritten.
 */
final class ArticleDialog extends FormDialog {

    private final KnowledgeBase knowledge;
    private final KnowledgeArticle article;
    private Text title;
    private Text body;
    private Text tags;
    private KnowledgeArticle saved;

    ArticleDialog(Shell shell, KnowledgeBase knowledge, KnowledgeArticle article) {
        super(shell, 2);
        this.knowledge = knowledge;
        this.article = article;
    }

    @Override
    protected String title() {
        return Messages.get(article.isNew() ? "article.new" : "article.edit");
    }

    @Override
    protected void fill(Composite area) {
        title = Fields.text(area, "article.title");
        body = Fields.area(area, "article.body", 220);
        tags = Fields.text(area, "article.tags");
        tags.setMessage(Messages.get("article.tags.hint"));
        title.setText(article.getTitle() == null ? "" : article.getTitle());
        body.setText(article.getBody() == null ? "" : article.getBody());
        tags.setText(article.getTags() == null ? "" : article.getTags());
    }

    @Override
    protected void okPressed() {
        article.setTitle(title.getText());
        article.setBody(body.getText());
        article.setTags(tags.getText());
        try {
            saved = knowledge.save(article);
        } catch (RuntimeException e) {
            Errors.show(getShell(), e);
            return;
        }
        super.okPressed();
    }

    KnowledgeArticle saved() {
        return saved;
    }
}
