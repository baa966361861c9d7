package org.guanxi.service.api;

import java.util.List;

import org.guanxi.core.model.KnowledgeArticle;

/** Knowledge-base articles (知识库) that agents search from a case and send as the answer. */
public interface KnowledgeBase {

    /** A search hit: the article and a short excerpt around the best match. */
    record Hit(long id, String title, String excerpt, int uses, double score) {
    }

    /**
     * The articles that best match {@code query}, best first. Chinese text has no spaces, so words are matched as
     * overlapping character pairs; a query of several words ranks articles that contain more of them higher.
     */
    List<Hit> search(String query, int limit);

    KnowledgeArticle article(long id);

    /** Creates or updates an article (needs {@code SERVICE_WRITE}); a stale version is a conflict. */
    KnowledgeArticle save(KnowledgeArticle article);

    /** Every article, most used first. */
    List<Hit> popular(int limit);
}
