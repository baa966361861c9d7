package org.guanxi.core.model;

/**
 * How a rep answered an objection: direct denial (直接否定法), indirect denial — "yes, but" (间接否定法), turning it
 * into a reason to buy (转化法), compensating with another benefit (补偿法), asking questions (询问法), letting it pass (忽视法).
 */
public enum ObjectionMethod {
    DIRECT_DENIAL, INDIRECT_DENIAL, TRANSFORM, COMPENSATION, QUESTIONING, IGNORE
}
