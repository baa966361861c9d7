package org.guanxi.integration;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.guanxi.core.service.InventoryService.StockReport;
import org.guanxi.integration.FileRejectedException.Problem;
import org.guanxi.tables.TableReader;

/**
 * The checks every inventory file format shares: required SKU and warehouse of bounded length, non-negative
 * quantities, each SKU and warehouse once. Rows are collected while problems are; {@link #result} returns the rows
 * of a clean file or rejects it with every problem (up to a limit).
 */
final class StockRows {

    static final int MAX_PROBLEMS = 200;
    /** Rows a file may hold: an inventory snapshot beyond it is split by the SCM (memory stays bounded). */
    static final int MAX_ROWS = Integer.getInteger("guanxi.inbox.maxRows", 1_000_000);
    /** INVENTORY_LEVEL.ON_HAND and RESERVED are DECIMAL(15,3). */
    private static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000000000");

    private final List<Problem> problems = new ArrayList<>();
    private final List<StockReport> rows = new ArrayList<>();
    private final Map<String, Long> seen = new HashMap<>();
    private boolean tooMany;

    /** One row as read from line {@code line}; {@code reserved} null when the file does not give it. */
    void add(long line, String sku, String warehouse, String onHand, String reserved) {
        if (rows.size() + problems.size() >= MAX_ROWS) {
            problem(line, "", FileRejectedException.TEXTS.get("reason.tooManyRows", MAX_ROWS));
            tooMany = true;
            return;
        }
        String s = text(line, "sku", sku, 40);
        String w = text(line, "warehouse", warehouse, 40);
        BigDecimal on = quantity(line, "on_hand", onHand, true);
        BigDecimal res = quantity(line, "reserved", reserved, false);
        if (s != null && w != null) {
            Long earlier = seen.putIfAbsent(s + '\u0000' + w, line);
            if (earlier != null) {
                problem(line, "sku", FileRejectedException.TEXTS.get("reason.duplicate", earlier));
            }
        }
        if (s != null && w != null && on != null && res != null) {
            rows.add(new StockReport(s, w, on, res));
        }
    }

    void problem(long line, String field, String reason) {
        problems.add(new Problem((int) line, field, reason));
    }

    boolean full() {
        return tooMany || problems.size() >= MAX_PROBLEMS;
    }

    List<StockReport> result(String fileName) {
        if (problems.isEmpty() && rows.isEmpty()) {
            problem(0, "", FileRejectedException.TEXTS.get("reason.empty"));
        }
        if (!problems.isEmpty()) {
            throw new FileRejectedException(fileName, problems);
        }
        return rows;
    }

    private String text(long line, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problem(line, field, FileRejectedException.TEXTS.get("reason.required"));
            return null;
        }
        String v = value.strip();
        String bad = TableReader.badCharacter(v);
        if (bad != null) {
            problem(line, field, bad);
            return null;
        }
        if (v.length() > max) {
            problem(line, field, FileRejectedException.TEXTS.get("reason.tooLong", max));
            return null;
        }
        return v;
    }

    private BigDecimal quantity(long line, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                problem(line, field, FileRejectedException.TEXTS.get("reason.required"));
                return null;
            }
            return BigDecimal.ZERO;
        }
        try {
            BigDecimal n = new BigDecimal(value.strip().replace(",", ""));
            if (n.signum() < 0) {
                problem(line, field, FileRejectedException.TEXTS.get("reason.negative", value));
                return null;
            }
            if (n.compareTo(MAX_QUANTITY) >= 0 || n.stripTrailingZeros().scale() > 3) {
                problem(line, field, FileRejectedException.TEXTS.get("reason.quantity", value));
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            problem(line, field, FileRejectedException.TEXTS.get("reason.number", value));
            return null;
        }
    }
}
