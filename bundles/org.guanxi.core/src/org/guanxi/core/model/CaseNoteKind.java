package org.guanxi.core.model;

/** An entry of a case's timeline: an internal note, a reply to the customer, or what the system did. */
public enum CaseNoteKind {
    NOTE, REPLY, ASSIGNED, ESCALATED, STATUS
}
