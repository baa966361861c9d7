package org.guanxi.core.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A knowledge-base article (知识库): a question and its answer, searchable from a case and attachable as its reply. */
@Entity
@Table(name = "KB_ARTICLE")
public class KnowledgeArticle extends TrackedEntity {

    @Column(name = "TITLE", nullable = false, length = 200)
    private String title;

    @Column(name = "BODY", nullable = false, length = 8000)
    private String body;

    /** Keywords separated by commas or spaces, searched with the title and body. */
    @Column(name = "TAGS", length = 400)
    private String tags;

    @Column(name = "USES", nullable = false)
    private int uses;

    @Column(name = "AUTHOR", nullable = false, length = 64)
    private String author;

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
    public String getTags() { return tags; }
    public void setTags(String tags) { this.tags = tags; }
    public int getUses() { return uses; }
    public void setUses(int uses) { this.uses = uses; }
    public String getAuthor() { return author; }
    public void setAuthor(String author) { this.author = author; }
}
