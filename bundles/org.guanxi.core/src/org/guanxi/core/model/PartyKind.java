package org.guanxi.core.model;

/** A customer is a person (个人) or an organisation (企业). */
public enum PartyKind {
    PERSON, ORGANISATION
}
