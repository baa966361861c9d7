package org.guanxi.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.logging.Logger;

import org.guanxi.core.db.Database;
import org.guanxi.core.model.AppUser;
import org.guanxi.core.model.Permission;
import org.guanxi.core.model.Role;
import org.guanxi.core.service.PermissionDeniedException;
import org.guanxi.core.service.SecurityService;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.persistence.EntityManager;

/**
 * Users and roles in the database. The desktop has one signed-in user per process; the built-in roles
 * (ADMIN, SALES_MANAGER, SALES, SERVICE, READONLY) are created on first use, and the ones a newer version adds when
 * an older database is opened.
 */
@Component(service = SecurityService.class)
public class SecurityServiceImpl implements SecurityService {

    private static final Logger LOG = Logger.getLogger(SecurityServiceImpl.class.getName());

    @Reference
    private Database db;

    private volatile AppUser current;

    public SecurityServiceImpl() {
    }

    public SecurityServiceImpl(Database db) {
        this.db = db;
    }

    @Override
    public String currentUser() {
        AppUser u = current;
        return u == null ? "(nobody)" : u.getLogin();
    }

    @Override
    public String currentUserDisplayName() {
        AppUser u = current;
        return u == null ? "" : u.getDisplayName();
    }

    @Override
    public boolean isSignedIn() {
        return current != null;
    }

    @Override
    public boolean hasPermission(Permission permission) {
        AppUser u = current;
        return u != null && u.has(permission);
    }

    @Override
    public Set<String> currentRoles() {
        AppUser u = current;
        return u == null || !u.isActive() ? Set.of()
                : u.getRoles().stream().map(Role::getName).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void check(Permission permission) {
        if (!hasPermission(permission)) {
            throw new PermissionDeniedException(currentUser(), permission);
        }
    }

    @Override
    public boolean login(String login, char[] password) {
        try {
            AppUser u = db.read(em -> findUser(em, login));
            if (u != null && u.isActive() && PasswordHasher.matches(password, u.getPasswordHash())) {
                current = u;
                LOG.info(() -> "Signed in: " + login);
                return true;
            }
            LOG.warning(() -> "Failed sign-in for " + login);
            return false;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    @Override
    public void signInOsUser() {
        String login = System.getProperty("user.name", "user");
        current = db.inTransaction(em -> {
            ensureBuiltInRoles(em);
            AppUser u = findUser(em, login);
            if (u == null) {
                u = new AppUser();
                u.setLogin(login);
                u.setDisplayName(login);
                u.getRoles().add(findRole(em, Role.ADMIN));
                em.persist(u);
            }
            return u;
        });
    }

    @Override
    public boolean hasPasswordUsers() {
        return db.read(em -> em.createQuery("SELECT COUNT(u) FROM AppUser u WHERE u.passwordHash IS NOT NULL", Long.class)
                .getSingleResult() > 0);
    }

    @Override
    public void createUser(String login, String displayName, char[] password, String... roleNames) {
        check(Permission.USER_ADMIN);
        String hash = PasswordHasher.hash(password);
        Arrays.fill(password, '\0');
        db.inTransactionDo(em -> {
            ensureBuiltInRoles(em);
            AppUser u = findUser(em, login);
            if (u == null) {
                u = new AppUser();
                u.setLogin(login);
                em.persist(u);
            }
            u.setDisplayName(displayName);
            u.setPasswordHash(hash);
            u.getRoles().clear();
            for (String r : roleNames) {
                u.getRoles().add(findRole(em, r));
            }
        });
    }

    private static AppUser findUser(EntityManager em, String login) {
        List<AppUser> users = em.createQuery("SELECT u FROM AppUser u WHERE u.login = :l", AppUser.class)
                .setParameter("l", login).getResultList();
        return users.isEmpty() ? null : users.get(0);
    }

    private static Role findRole(EntityManager em, String name) {
        return em.createQuery("SELECT r FROM Role r WHERE r.name = :n", Role.class).setParameter("n", name).getSingleResult();
    }

    /** Built-in roles missing from the database are added; existing ones keep the permissions an admin gave them. */
    private static void ensureBuiltInRoles(EntityManager em) {
        Set<String> existing = Set.copyOf(em.createQuery("SELECT r.name FROM Role r", String.class).getResultList());
        List<Role> builtIn = List.of(Role.admin(),
                new Role(Role.SALES_MANAGER, EnumSet.of(Permission.CUSTOMER_READ, Permission.CUSTOMER_WRITE, Permission.SALES_WRITE)),
                new Role(Role.SALES, EnumSet.of(Permission.CUSTOMER_READ, Permission.CUSTOMER_WRITE, Permission.SALES_WRITE)),
                new Role("SERVICE", EnumSet.of(Permission.CUSTOMER_READ, Permission.CUSTOMER_WRITE, Permission.SERVICE_WRITE)),
                new Role("READONLY", EnumSet.of(Permission.CUSTOMER_READ)));
        boolean added = false;
        for (Role r : builtIn) {
            if (!existing.contains(r.getName())) {
                em.persist(r);
                added = true;
            }
        }
        if (added) {
            em.flush();
        }
    }
}
