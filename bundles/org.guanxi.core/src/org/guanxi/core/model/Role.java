package org.guanxi.core.model;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

/** A named set of permissions, e.g. ADMIN, SALES, SERVICE, READONLY. */
@Entity
@Table(name = "APP_ROLE")
public class Role extends BaseEntity {

    public static final String ADMIN = "ADMIN";
    /** Sales staff who may grant larger discounts and approve their team's quotes. */
    public static final String SALES_MANAGER = "SALES_MANAGER";
    public static final String SALES = "SALES";
    /** Marketing staff: segments and campaigns over the customers who agreed to be contacted. */
    public static final String MARKETING = "MARKETING";

    @Column(name = "NAME", nullable = false, length = 40, unique = true)
    private String name;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "ROLE_PERMISSION", joinColumns = @JoinColumn(name = "ROLE_ID"))
    @Enumerated(EnumType.STRING)
    @Column(name = "PERMISSION", length = 40)
    private Set<Permission> permissions = new HashSet<>();

    public Role() {
    }

    public Role(String name, Set<Permission> permissions) {
        this.name = name;
        this.permissions = new HashSet<>(permissions);
    }

    public static Role admin() {
        return new Role(ADMIN, EnumSet.allOf(Permission.class));
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Set<Permission> getPermissions() { return permissions; }
}
