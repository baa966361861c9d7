package org.guanxi.core.model;

import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;

/** A person who signs in to Guanxi. In standalone mode the OS user is signed in as administrator. */
@Entity
@Table(name = "APP_USER")
public class AppUser extends BaseEntity {

    @Column(name = "LOGIN", nullable = false, length = 64, unique = true)
    private String login;

    @Column(name = "DISPLAY_NAME", nullable = false, length = 200)
    private String displayName;

    /** PBKDF2 hash, {@code null} for users that only sign in through the OS (standalone mode). */
    @Column(name = "PASSWORD_HASH", length = 200)
    private String passwordHash;

    @Column(name = "ACTIVE", nullable = false)
    private boolean active = true;

    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "USER_ROLE", joinColumns = @JoinColumn(name = "USER_ID"), inverseJoinColumns = @JoinColumn(name = "ROLE_ID"))
    private Set<Role> roles = new HashSet<>();

    public boolean has(Permission p) {
        return active && roles.stream().anyMatch(r -> r.getPermissions().contains(p));
    }

    public String getLogin() { return login; }
    public void setLogin(String login) { this.login = login; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getPasswordHash() { return passwordHash; }
    public void setPasswordHash(String passwordHash) { this.passwordHash = passwordHash; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public Set<Role> getRoles() { return roles; }
}
