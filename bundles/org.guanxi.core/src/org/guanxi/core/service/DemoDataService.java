package org.guanxi.core.service;

import java.util.function.IntConsumer;

/** Generates realistic, deterministic demo data (same seed, same data). */
public interface DemoDataService {

    int DEFAULT_CUSTOMERS = 2_000;

    /** True when the database holds no customers yet. */
    boolean isEmpty();

    /**
     * Adds {@code customers} customers with contacts and addresses, a product catalogue, orders with lines and
     * invoices. {@code progress} receives the number of customers written so far.
     */
    void generate(int customers, long seed, IntConsumer progress);
}
