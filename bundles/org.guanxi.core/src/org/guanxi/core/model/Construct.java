package org.guanxi.core.model;

/**
 * What a survey question measures, after the American Customer Satisfaction Index (ACSI): customer expectations,
 * perceived quality, perceived value, satisfaction itself and loyalty. RECOMMEND is the Net Promoter question ("how
 * likely are you to recommend us", 0–10); it feeds the NPS, not the satisfaction index.
 */
public enum Construct {
    EXPECTATION, PERCEIVED_QUALITY, PERCEIVED_VALUE, SATISFACTION, LOYALTY, RECOMMEND
}
