package org.guanxi.core.model;

/** What a care plan rule greets or follows up: personal dates, Chinese holidays, deliveries. */
public enum CareOccasion {
    BIRTHDAY, KEY_DATE, SPRING_FESTIVAL, MID_AUTUMN, DRAGON_BOAT, DOUBLE_NINTH, FOLLOW_UP
}
