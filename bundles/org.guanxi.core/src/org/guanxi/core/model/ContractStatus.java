package org.guanxi.core.model;

/** A contract's life: drafted, in force, ended, renewed by a successor, or terminated early. */
public enum ContractStatus {
    DRAFT, ACTIVE, EXPIRED, RENEWED, TERMINATED
}
