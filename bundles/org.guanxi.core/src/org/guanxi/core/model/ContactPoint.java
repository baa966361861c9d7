package org.guanxi.core.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

/** A further phone, e-mail or messenger id of a customer, beside the primary phone and e-mail on the customer. */
@Entity
@Table(name = "CONTACT_POINT")
public class ContactPoint extends BaseEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "CUSTOMER_ID", nullable = false)
    private Customer customer;

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", nullable = false, length = 12)
    private ContactPointKind kind = ContactPointKind.MOBILE;

    @Column(name = "VAL", nullable = false, length = 200)
    private String value;

    @Column(name = "LABEL", length = 100)
    private String label;

    @Column(name = "LOOKUP_KEY", nullable = false, length = 200)
    private String lookupKey;

    public ContactPoint() {
    }

    public ContactPoint(ContactPointKind kind, String value, String label) {
        this.kind = kind;
        this.value = value;
        this.label = label;
    }

    @PrePersist
    @PreUpdate
    void keys() {
        lookupKey = lookupKeyOf(kind, value);
    }

    public static String lookupKeyOf(ContactPointKind kind, String value) {
        String key = kind.isPhone() ? SearchKeys.phoneKey(value) : SearchKeys.nameKey(value);
        return key == null ? "" : key;
    }

    public Customer getCustomer() { return customer; }
    public void setCustomer(Customer customer) { this.customer = customer; }
    public ContactPointKind getKind() { return kind; }
    public void setKind(ContactPointKind kind) { this.kind = kind; }
    public String getValue() { return value; }
    public void setValue(String value) {
        this.value = value;
        // the key follows the value, as the customer's own keys do: a masked value keeps no full key
        this.lookupKey = kind == null ? null : lookupKeyOf(kind, value);
    }
    public String getLabel() { return label; }
    public void setLabel(String label) { this.label = label; }
    public String getLookupKey() { return lookupKey; }
}
