package org.guanxi.integration.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.guanxi.integration.Xml;
import org.w3c.dom.Element;

/**
 * The fake ERP's business partners. Every version of a partner, whether written by the CRM (SyncPartner) or by an ERP
 * user, is one line of {@code partners.log}; the line number is the sequence number GetPartnerUpdates reports, so the
 * ERP's feed and its partners survive a restart of the simulator.
 */
final class PartnerBook {

    private final Path log;
    private final Map<String, BusinessPartner> byCode = new HashMap<>();
    private final List<BusinessPartner> feed = new ArrayList<>();
    /** The first version each SyncPartner idempotency key made, so that a repeated request gets the first answer. */
    private final Map<String, BusinessPartner> byKey = new HashMap<>();

    PartnerBook(Path folder) {
        this.log = folder.resolve("partners.log");
        load();
    }

    synchronized BusinessPartner get(String code) {
        return byCode.get(code);
    }

    /** The version a SyncPartner request with this idempotency key made, or null. */
    synchronized BusinessPartner madeBy(String key) {
        return byKey.get(key);
    }

    /** The partner as a SyncPartner request describes it, one version on from {@code current} (or version 1). */
    static BusinessPartner fromRequest(Element request, BusinessPartner current) {
        Element p = Soap.child(request, "Partner");
        String code = Soap.text(p, "Code");
        return new BusinessPartner(code, current == null ? "BP-" + code : current.partnerNo(), current == null ? 1 : current.version() + 1,
                Soap.text(p, "Name"), Xml.text(p, "TaxId"), Xml.text(p, "Phone"), Xml.text(p, "Email"), Xml.text(request, "Address"));
    }

    /** A change made in the ERP by one of its users: the next version of the partner. */
    synchronized BusinessPartner edit(String code, UnaryOperator<BusinessPartner> change) {
        BusinessPartner current = byCode.get(code);
        if (current == null) {
            throw new IllegalArgumentException("No business partner " + code);
        }
        BusinessPartner p = change.apply(current);
        return put(new BusinessPartner(code, current.partnerNo(), current.version() + 1, p.name(), p.taxId(), p.phone(), p.email(),
                p.address()), null);
    }

    /** Records a new version; {@code key} is the CRM's idempotency key, or null for a change made in the ERP. */
    synchronized BusinessPartner put(BusinessPartner p, String key) {
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, String.join("\t", p.code(), p.partnerNo(), Long.toString(p.version()), field(p.name()),
                    field(p.taxId()), field(p.phone()), field(p.email()), field(p.address()), field(key)) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        remember(p, key);
        return p;
    }

    /** Partner versions after sequence number {@code after}, at most {@code max}. */
    synchronized String updates(long after, int max) {
        StringBuilder out = new StringBuilder("<PartnerUpdates xmlns=\"" + FakeErp.NAMESPACE + "\">");
        for (long seq = after + 1; seq <= feed.size() && seq <= after + max; seq++) {
            out.append(feed.get((int) seq - 1).xml(seq));
        }
        return out.append("</PartnerUpdates>").toString();
    }

    private void remember(BusinessPartner p, String key) {
        byCode.put(p.code(), p);
        feed.add(p);
        if (key != null) {
            byKey.putIfAbsent(key, p);
        }
    }

    private void load() {
        if (!Files.isRegularFile(log)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", -1);
                if (f.length == 9) { // a shorter line was cut by a crash of the simulator
                    remember(new BusinessPartner(f[0], f[1], Long.parseLong(f[2]), value(f[3]), value(f[4]), value(f[5]), value(f[6]),
                            value(f[7])), value(f[8]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tabs and line breaks cannot occur in a partner's fields in the log; "\0" stands for "none". */
    private static String field(String s) {
        return s == null ? "\\0" : s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    private static String value(String s) {
        return "\\0".equals(s) ? null : s;
    }
}
