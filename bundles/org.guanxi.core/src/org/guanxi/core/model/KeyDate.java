package org.guanxi.core.model;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * An anniversary or other date a customer is greeted on every year. A lunar date is celebrated on the same month and
 * day of the Chinese calendar, so it falls on a different Gregorian day each year.
 */
@Entity
@Table(name = "KEY_DATE")
public class KeyDate extends BaseEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "CUSTOMER_ID", nullable = false)
    private Customer customer;

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", nullable = false, length = 16)
    private KeyDateKind kind = KeyDateKind.ANNIVERSARY;

    @Column(name = "LABEL", length = 100)
    private String label;

    @Column(name = "EVENT_DATE", nullable = false)
    private LocalDate day;

    @Column(name = "LUNAR", nullable = false)
    private boolean lunar;

    public KeyDate() {
    }

    public KeyDate(KeyDateKind kind, String label, LocalDate day, boolean lunar) {
        this.kind = kind;
        this.label = label;
        this.day = day;
        this.lunar = lunar;
    }

    public Customer getCustomer() { return customer; }
    public void setCustomer(Customer customer) { this.customer = customer; }
    public KeyDateKind getKind() { return kind; }
    public void setKind(KeyDateKind kind) { this.kind = kind; }
    public String getLabel() { return label; }
    public void setLabel(String label) { this.label = label; }
    public LocalDate getDay() { return day; }
    public void setDay(LocalDate day) { this.day = day; }
    public boolean isLunar() { return lunar; }
    public void setLunar(boolean lunar) { this.lunar = lunar; }
}
