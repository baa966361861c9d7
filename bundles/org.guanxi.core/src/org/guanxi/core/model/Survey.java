package org.guanxi.core.model;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/** A satisfaction survey (满意度调查): its questions with their scales, weights and constructs. */
@Entity
@Table(name = "SURVEY")
public class Survey extends TrackedEntity {

    @Column(name = "CODE", nullable = false, length = 32)
    private String code;

    @Column(name = "NAME", nullable = false, length = 120)
    private String name;

    @Column(name = "NAME_EN", length = 120)
    private String nameEn;

    @Column(name = "ACTIVE", nullable = false)
    private boolean active = true;

    @OneToMany(mappedBy = "survey", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("seq")
    private List<SurveyQuestion> questions = new ArrayList<>();

    public void addQuestion(SurveyQuestion q) {
        q.setSurvey(this);
        q.setSeq(questions.size() + 1);
        questions.add(q);
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getNameEn() { return nameEn; }
    public void setNameEn(String nameEn) { this.nameEn = nameEn; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public List<SurveyQuestion> getQuestions() { return questions; }

    /** The name in the user's language (the Chinese one when there is no English). */
    public String name(java.util.Locale locale) {
        return "zh".equals(locale.getLanguage()) || nameEn == null ? name : nameEn;
    }
}
