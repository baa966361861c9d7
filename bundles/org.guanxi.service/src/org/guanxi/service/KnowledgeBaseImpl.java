package org.guanxi.service;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.guanxi.core.db.Database;
import org.guanxi.core.model.KnowledgeArticle;
import org.guanxi.core.model.Permission;
import org.guanxi.core.service.Checks;
import org.guanxi.core.service.Entities;
import org.guanxi.core.service.FieldError;
import org.guanxi.service.api.KnowledgeBase;
import org.guanxi.core.service.AuditLog;
import org.guanxi.core.service.SecurityService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Articles searched in memory (see {@link SearchTerms}). The loaded set is reused until the table's row count or
 * latest change differs, so articles written on another desktop are found at the next search.
 */
@Component(service = KnowledgeBase.class)
public class KnowledgeBaseImpl implements KnowledgeBase {

    static final String ENTITY = "KnowledgeArticle";
    private static final int TITLE_WEIGHT = 3;
    private static final int TAG_WEIGHT = 2;

    private final Database db;
    private final SecurityService security;
    private final AuditLog audit;

    private record Indexed(long id, String title, String body, int uses, Set<String> titleTerms, Set<String> tagTerms,
            Set<String> bodyTerms) {
    }

    private record Loaded(String stamp, List<Indexed> articles) {
    }

    private volatile Loaded loaded;

    @Activate
    public KnowledgeBaseImpl(@Reference Database db, @Reference SecurityService security, @Reference AuditLog audit) {
        this.db = db;
        this.security = security;
        this.audit = audit;
    }

    @Override
    public List<Hit> search(String query, int limit) {
        security.check(Permission.CUSTOMER_READ);
        Set<String> terms = SearchTerms.of(query);
        if (terms.isEmpty()) {
            return popular(limit);
        }
        List<Hit> hits = new ArrayList<>();
        for (Indexed a : articles()) {
            double score = 0;
            String first = null;
            for (String t : terms) {
                int w = (a.titleTerms().contains(t) ? TITLE_WEIGHT : 0) + (a.tagTerms().contains(t) ? TAG_WEIGHT : 0)
                        + (a.bodyTerms().contains(t) ? 1 : 0);
                if (w > 0) {
                    score += w;
                    if (first == null && a.bodyTerms().contains(t)) {
                        first = t;
                    }
                }
            }
            if (score > 0) {
                // the share of the query an article covers matters most; use breaks ties among equally good answers
                double coverage = score / (terms.size() * (double) (TITLE_WEIGHT + TAG_WEIGHT + 1));
                hits.add(new Hit(a.id(), a.title(), excerpt(a.body(), first), a.uses(), coverage * (1 + Math.log1p(a.uses()) / 20)));
            }
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparing(Hit::id));
        return List.copyOf(hits.subList(0, Math.min(limit, hits.size())));
    }

    /** About 80 characters of the body around {@code term}, or its beginning. */
    static String excerpt(String body, String term) {
        String flat = body.replaceAll("\\s+", " ").strip();
        int at = term == null ? -1 : flat.toLowerCase(java.util.Locale.ROOT).indexOf(term);
        int from = Math.max(0, at - 30);
        int to = Math.min(flat.length(), from + 80);
        return (from > 0 ? "…" : "") + flat.substring(from, to) + (to < flat.length() ? "…" : "");
    }

    @Override
    public List<Hit> popular(int limit) {
        security.check(Permission.CUSTOMER_READ);
        return articles().stream().sorted(Comparator.comparingInt(Indexed::uses).reversed().thenComparing(Indexed::title))
                .limit(limit).map(a -> new Hit(a.id(), a.title(), excerpt(a.body(), null), a.uses(), 0)).toList();
    }

    private List<Indexed> articles() {
        String stamp = db.jdbc(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), MAX(UPDATED_AT), SUM(USES) FROM KB_ARTICLE");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) + "/" + rs.getTimestamp(2) + "/" + rs.getLong(3);
            }
        });
        Loaded current = loaded;
        if (current != null && current.stamp().equals(stamp)) {
            return current.articles();
        }
        List<Indexed> articles = db.jdbc(c -> {
            List<Indexed> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT ID, TITLE, BODY, TAGS, USES FROM KB_ARTICLE");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Indexed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(5),
                            SearchTerms.of(rs.getString(2)), SearchTerms.of(rs.getString(4)), SearchTerms.of(rs.getString(3))));
                }
            }
            return List.copyOf(out);
        });
        loaded = new Loaded(stamp, articles);
        return articles;
    }

    @Override
    public KnowledgeArticle article(long id) {
        security.check(Permission.CUSTOMER_READ);
        return db.read(em -> Entities.require(em.find(KnowledgeArticle.class, id), ENTITY, id));
    }

    @Override
    public KnowledgeArticle save(KnowledgeArticle article) {
        security.check(Permission.SERVICE_WRITE);
        List<FieldError> errors = new ArrayList<>();
        Checks.required(errors, "title", article.getTitle(), 200);
        Checks.required(errors, "body", article.getBody(), 8000);
        Checks.maxLength(errors, "tags", article.getTags(), 400);
        Checks.throwIfAny(errors);
        return db.inTransaction(em -> {
            KnowledgeArticle a = article.isNew() ? new KnowledgeArticle()
                    : Entities.current(em, KnowledgeArticle.class, ENTITY, article.getId(), article.getVersion());
            java.util.Map<String, Object> before = a.isNew() ? java.util.Map.of() : snapshot(a);
            a.setTitle(article.getTitle().strip());
            a.setBody(article.getBody().strip());
            a.setTags(CaseServiceImpl.blankToNull(article.getTags()));
            if (a.isNew()) {
                a.setAuthor(security.currentUser());
                em.persist(a);
            }
            em.flush();
            audit.record(em, ENTITY, a.getId(), before, snapshot(a));
            return a;
        });
    }

    private static java.util.Map<String, Object> snapshot(KnowledgeArticle a) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("title", a.getTitle());
        m.put("body", a.getBody());
        m.put("tags", a.getTags());
        return m;
    }
}
