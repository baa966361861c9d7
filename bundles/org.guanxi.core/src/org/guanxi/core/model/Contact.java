package org.guanxi.core.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A contact person (联系人) of a customer, with a role such as purchaser or decision maker. */
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

    @Column(name = "EMAIL", length = 200)
    private String email;

    public Contact() {
    }

    public Contact(String name, String role, String phone, String email) {
        this.name = name;
        this.role = role;
        this.phone = phone;
        this.email = email;
    }

    public Customer getCustomer() { return customer; }
    public void setCustomer(Customer customer) { this.customer = customer; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getRole() { return role; }
    public void setRole(String role) { this.role = role; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
}
