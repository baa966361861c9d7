package org.guanxi.integration.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

import org.w3c.dom.Element;

/**
 * The fake ERP's accounts-payable refunds: one line of {@code refunds.log} per refund (key, refund number, case,
 * customer, amount), kept apart from the orders' journal so that order counts of crash tests stay exact. A key seen
 * before gets its first answer.
 */
final class RefundBook {

    /** A refund as the ERP booked it. */
    record Refund(String key, String refundNo, String caseNo, String customerCode, BigDecimal amount) {
    }

    private final Path log;
    private final Map<String, Refund> byKey = new LinkedHashMap<>();

    RefundBook(Path folder) {
        this.log = folder.resolve("refunds.log");
        if (Files.isRegularFile(log)) {
            try {
                for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                    String[] f = line.split("\t");
                    if (f.length == 5) {
                        byKey.put(f[0], new Refund(f[0], f[1], f[2], f[3], new BigDecimal(f[4])));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    synchronized Refund madeBy(String key) {
        return byKey.get(key);
    }

    synchronized Refund book(Element request) {
        String key = Soap.text(request, "IdempotencyKey");
        Refund r = new Refund(key, String.format("RF%06d", byKey.size() + 1), Soap.text(request, "CaseNo"),
                Soap.text(request, "CustomerCode"), new BigDecimal(Soap.text(request, "Amount")));
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, String.join("\t", r.key(), r.refundNo(), r.caseNo(), r.customerCode(), r.amount().toPlainString())
                    + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byKey.put(key, r);
        return r;
    }

    synchronized Map<String, Refund> all() {
        return Map.copyOf(byKey);
    }
}
