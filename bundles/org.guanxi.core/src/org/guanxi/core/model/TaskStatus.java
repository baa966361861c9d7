package org.guanxi.core.model;

public enum TaskStatus {
    OPEN, DONE, CANCELLED
}
