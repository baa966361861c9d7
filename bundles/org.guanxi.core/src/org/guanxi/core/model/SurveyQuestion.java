package org.guanxi.core.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One question: answered on a scale from {@code scaleMin} to {@code scaleMax}, weighted in the index. */
@Entity
@Table(name = "SURVEY_QUESTION")
public class SurveyQuestion extends BaseEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "SURVEY_ID", nullable = false)
    private Survey survey;

    @Column(name = "SEQ", nullable = false)
    private int seq;

    @Column(name = "TEXT", nullable = false, length = 400)
    private String text;

    @Column(name = "TEXT_EN", length = 400)
    private String textEn;

    @Enumerated(EnumType.STRING)
    @Column(name = "CONSTRUCT", nullable = false, length = 20)
    private Construct construct;

    @Column(name = "SCALE_MIN", nullable = false)
    private int scaleMin = 1;

    @Column(name = "SCALE_MAX", nullable = false)
    private int scaleMax = 10;

    @Column(name = "WEIGHT", nullable = false)
    private double weight = 1;

    public SurveyQuestion() {
    }

    public SurveyQuestion(String text, String textEn, Construct construct, int scaleMin, int scaleMax, double weight) {
        this.text = text;
        this.textEn = textEn;
        this.construct = construct;
        this.scaleMin = scaleMin;
        this.scaleMax = scaleMax;
        this.weight = weight;
    }

    /** A score on this question's scale as 0–100. */
    public double normalized(int score) {
        return 100.0 * (score - scaleMin) / (scaleMax - scaleMin);
    }

    public String text(java.util.Locale locale) {
        return "zh".equals(locale.getLanguage()) || textEn == null ? text : textEn;
    }

    public Survey getSurvey() { return survey; }
    public void setSurvey(Survey survey) { this.survey = survey; }
    public int getSeq() { return seq; }
    public void setSeq(int seq) { this.seq = seq; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public String getTextEn() { return textEn; }
    public void setTextEn(String textEn) { this.textEn = textEn; }
    public Construct getConstruct() { return construct; }
    public void setConstruct(Construct construct) { this.construct = construct; }
    public int getScaleMin() { return scaleMin; }
    public void setScaleMin(int scaleMin) { this.scaleMin = scaleMin; }
    public int getScaleMax() { return scaleMax; }
    public void setScaleMax(int scaleMax) { this.scaleMax = scaleMax; }
    public double getWeight() { return weight; }
    public void setWeight(double weight) { this.weight = weight; }
}
