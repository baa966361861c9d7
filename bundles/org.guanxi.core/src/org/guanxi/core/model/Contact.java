package org.guanxi.core.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A contact person (联系人) of a customer, with a role such as purchaser or decision maker; influence and attitude make
 * the decision-maker map of a key account.
 */
@Entity
@Table(name = "CONTACT")
public class Contact extends BaseEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "CUSTOMER_ID", nullable = false)
    private Customer customer;

    @Column(name = "NAME", nullable = false, length = 200)
    private String name;

    @Column(name = "ROLE", length = 100)
    private String role;

    @Column(name = "PHONE", length = 40)
    private String phone;

    @Column(name = "PHONE_KEY", length = 40)
    private String phoneKey;

    @Column(name = "EMAIL", length = 200)
    private String email;

    /** Influence on buying decisions, 1 (none) to 5 (decides); null when unknown. */
    @Column(name = "INFLUENCE")
    private Integer influence;

    @Enumerated(EnumType.STRING)
    @Column(name = "ATTITUDE", length = 12)
    private Attitude attitude;

    public Contact() {
    }

    public Contact(String name, String role, String phone, String email) {
        this.name = name;
        this.role = role;
        setPhone(phone);
        this.email = email;
    }

    public Customer getCustomer() { return customer; }
    public void setCustomer(Customer customer) { this.customer = customer; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getRole() { return role; }
    public void setRole(String role) { this.role = role; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) {
        this.phone = phone;
        this.phoneKey = SearchKeys.phoneKey(phone);
    }
    public String getPhoneKey() { return phoneKey; }
    public Integer getInfluence() { return influence; }
    public void setInfluence(Integer influence) { this.influence = influence; }
    public Attitude getAttitude() { return attitude; }
    public void setAttitude(Attitude attitude) { this.attitude = attitude; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
}
