package org.guanxi.customer;

import static org.guanxi.core.XmlDocuments.text;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.guanxi.core.XmlDocuments;
import org.guanxi.core.model.Address;
import org.guanxi.core.model.Customer;

/**
 * The outbox payload of a customer created or changed in Guanxi, in Guanxi's canonical customer document (namespace
 * {@value #NAMESPACE}); the integration routes map it to the ERP's business partner. Only the fields a business partner
 * has are in it, and only a change of one of them is sent.
 */
final class CustomerMessages {

    static final String NAMESPACE = "urn:guanxi:customer:1";

    private CustomerMessages() {
    }

    /** What the ERP's business partner holds of a customer: a change elsewhere (notes, tags) stays in the CRM. */
    static Map<String, Object> partnerFields(Customer c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Code", c.getCode());
        m.put("Kind", c.getKind());
        m.put("Name", c.getName());
        m.put("TaxId", c.getTaxId());
        m.put("Phone", c.getPhone());
        m.put("Email", c.getEmail());
        m.put("Address", address(c));
        return m;
    }

    /** One key per customer version: a repeated send of the same change is recognised by the ERP. */
    static String key(Customer c) {
        return "customer:" + c.getId() + ":v" + c.getVersion();
    }

    static String document(Customer c, String event) {
        return XmlDocuments.write("customer " + c.getCode(), w -> {
            w.writeStartElement("Customer");
            w.writeDefaultNamespace(NAMESPACE);
            w.writeAttribute("event", event);
            text(w, "IdempotencyKey", key(c));
            for (Map.Entry<String, Object> f : partnerFields(c).entrySet()) {
                text(w, f.getKey(), f.getValue());
            }
            w.writeEndElement();
        });
    }

    /** The first address on one line, as an ERP's single address field takes it; else the city; else nothing. */
    static String address(Customer c) {
        if (c.getAddresses().isEmpty()) {
            return blankToNull(c.getCity());
        }
        Address a = c.getAddresses().get(0);
        return blankToNull(Stream.of(a.getProvince(), a.getCity(), a.getStreet(), a.getPostalCode())
                .filter(Objects::nonNull).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.joining(" ")));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
