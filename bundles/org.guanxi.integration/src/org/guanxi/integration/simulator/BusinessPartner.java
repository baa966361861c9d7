package org.guanxi.integration.simulator;

/** One version of a business partner in the fake ERP. */
public record BusinessPartner(String code, String partnerNo, long version, String name, String taxId, String phone, String email,
        String address) {

    String xml(long seq) {
        return "<Update><Seq>" + seq + "</Seq><Partner><Code>" + Soap.escape(code) + "</Code><Name>" + Soap.escape(name)
                + "</Name>" + optional("TaxId", taxId) + optional("Phone", phone) + optional("Email", email)
                + "</Partner>" + optional("Address", address) + "<PartnerNo>" + Soap.escape(partnerNo)
                + "</PartnerNo><Version>" + version + "</Version></Update>";
    }

    private static String optional(String name, String value) {
        return value == null ? "" : "<" + name + ">" + Soap.escape(value) + "</" + name + ">";
    }
}
