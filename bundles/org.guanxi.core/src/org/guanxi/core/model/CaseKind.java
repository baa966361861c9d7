package org.guanxi.core.model;

/** A service request (服务请求: questions, repairs, changes) or a complaint (投诉), which has rules of its own. */
public enum CaseKind {
    REQUEST, COMPLAINT
}
