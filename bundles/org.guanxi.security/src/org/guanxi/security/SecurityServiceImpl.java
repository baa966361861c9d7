package org.guanxi.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.logging.Logger;

import org.guanxi.core.db.Database;
import org.guanxi.core.model.AppUser;
import org.guanxi.core.model.Permission;
import org.guanxi.core.model.Role;
import org.guanxi.core.service.AuditLog;
import org.guanxi.core.service.Checks;
import org.guanxi.core.service.FieldError;
import org.guanxi.core.service.GuanxiException;
import org.guanxi.core.service.PermissionDeniedException;
import org.guanxi.core.service.SecurityService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.persistence.EntityManager;

/**
 * Users and roles in the database. The desktop has one signed-in user per process; the built-in roles (ADMIN,
 * SALES_MANAGER, SALES, SERVICE, READONLY) come with the schema. On a team database each person signs in with their
 * own database login, which the administration here creates and changes ({@link TeamLogins}); what a person may read
 * and write is then decided by the database itself.
 */
@Component(service = SecurityService.class)
public class SecurityServiceImpl implements SecurityService {

    private static final Logger LOG = Logger.getLogger(SecurityServiceImpl.class.getName());
    private static final String USER_ENTITY = "AppUser";

    private final Database db;

    private volatile AppUser current;
    private final SignInThrottle throttle = new SignInThrottle();

    @Activate
    public SecurityServiceImpl(@Reference Database db) {
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
            throttle.beforeAttempt(login);
            boolean ok;
            if (db.awaitsSignIn()) {
                ok = db.signIn(login, password.clone());
                if (ok && !signInConnected()) {
                    db.signOut();
                    throw new GuanxiException("error.notSignedUp", login);
                }
            } else if (db.shared()) {
                // a process that already works as the owner (team server, IT tools, tests) acting for a person: the
                // database checks the password, the person's permissions apply; the rows seen stay the owner's
                ok = db.ownsSchema() && db.accepts(login, password.clone()) && signInPerson(login);
            } else {
                ok = passwordMatches(login, password);
            }
            if (ok) {
                throttle.succeeded(login);
                LOG.info(() -> "Signed in: " + login);
            } else {
                throttle.failed(login);
                LOG.warning(() -> "Failed sign-in for " + login);
            }
            return ok;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private boolean passwordMatches(String login, char[] password) {
        AppUser u = db.read(em -> findUser(em, login));
        // the hash is checked first, so that an unknown or disabled login takes as long as a known one
        if (PasswordHasher.matches(password, u == null ? null : u.getPasswordHash()) && u.isActive()) {
            if (PasswordHasher.outdated(u.getPasswordHash())) {
                String upgraded = PasswordHasher.hash(password);
                u = db.inTransaction(em -> {
                    AppUser x = findUser(em, login);
                    x.setPasswordHash(upgraded);
                    return x;
                });
                LOG.info(() -> "Password hash of " + login + " upgraded to " + PasswordHasher.ITERATIONS + " iterations");
            }
            current = u;
            return true;
        }
        return false;
    }

    @Override
    public void signInAsProcess() {
        if (db.awaitsSignIn()) {
            throw new GuanxiException("error.teamDatabase");
        }
        if (db.shared()) {
            if (!signInConnected()) {
                throw new GuanxiException("error.notSignedUp", db.login());
            }
            return;
        }
        current = signInAdministrator(System.getProperty("user.name", "user"));
    }

    /**
     * The team database has authenticated this process as {@link Database#login()}: its owner (the team server, IT)
     * is the administrator, anyone else must be an active user.
     */
    private boolean signInConnected() {
        String login = db.login();
        if (db.ownsSchema()) {
            current = signInAdministrator(login);
            return true;
        }
        return signInPerson(login);
    }

    private boolean signInPerson(String login) {
        AppUser u = db.read(em -> findUser(em, login));
        if (u == null || !u.isActive()) {
            LOG.warning(() -> "The database login " + login + " has no active Guanxi user");
            return false;
        }
        current = u;
        return true;
    }

    private AppUser signInAdministrator(String login) {
        return db.inTransaction(em -> {
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
        if (db.shared()) {
            // a team database's persons have database logins; the owner is not one of them
            return db.read(em -> em.createQuery("SELECT COUNT(u) FROM AppUser u WHERE u.login <> :owner", Long.class)
                    .setParameter("owner", String.valueOf(db.login())).getSingleResult() > 0);
        }
        return db.read(em -> em.createQuery("SELECT COUNT(u) FROM AppUser u WHERE u.passwordHash IS NOT NULL", Long.class)
                .getSingleResult() > 0);
    }

    @Override
    public void createUser(String login, String displayName, char[] password, String... roleNames) {
        saveUser(login, displayName, password, true, Set.of(roleNames), null);
    }

    @Override
    public void saveUser(String login, String displayName, char[] password, boolean active, Set<String> roleNames,
            String team) {
        check(Permission.USER_ADMIN);
        try {
            if (db.shared() && !TeamLogins.valid(login)) {
                throw new GuanxiException("error.login");
            }
            // a team database keeps no hash: it checks the person's own database login
            String hash = password == null || db.shared() ? null : PasswordHasher.hash(password);
            String verifier = password == null || !db.shared() ? null : TeamLogins.verifier(password);
            db.inTransactionDo(em -> {
                AppUser u = findUser(em, login);
                Map<String, Object> before = u == null ? Map.of() : account(u, null);
                if (u == null) {
                    if (password == null && !db.shared()) {
                        throw new IllegalArgumentException("A new user needs a password");
                    }
                    u = new AppUser();
                    u.setLogin(login);
                    em.persist(u);
                }
                u.setDisplayName(displayName == null || displayName.isBlank() ? login : displayName.strip());
                u.setActive(active);
                if (hash != null) {
                    u.setPasswordHash(hash);
                }
                u.getRoles().clear();
                for (String r : roleNames) {
                    u.getRoles().add(findRole(em, r));
                }
                em.flush();
                Database.jdbc(em, c -> {
                    TeamLogins.assignTeam(c, login, team);
                    if (db.shared()) {
                        TeamLogins.save(c, login, verifier, roleNames, active);
                    }
                    return null;
                });
                // never the password or its hash: only that it was set
                audit().record(em, USER_ENTITY, u.getId(), before, account(u, password != null ? "set" : null));
            });
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    /** A user as the audit trail shows it. */
    private static Map<String, Object> account(AppUser u, String password) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("login", u.getLogin());
        m.put("displayName", u.getDisplayName());
        m.put("active", u.isActive());
        m.put("roles", u.getRoles().stream().map(Role::getName).sorted().collect(Collectors.joining(", ")));
        m.put("password", password);
        return m;
    }

    /**
     * The audit trail, made here rather than injected: it asks this service who is signed in, so a reference would go
     * round in a circle.
     */
    private AuditLog audit() {
        return new AuditLogImpl(db, this);
    }

    @Override
    public boolean confirmPassword(char[] password) {
        try {
            String login = currentUser();
            throttle.beforeAttempt(login);
            AppUser me = db.shared() ? null : db.read(em -> findUser(em, login));
            boolean known = db.shared() ? db.accepts(login, password.clone())
                    : PasswordHasher.matches(password, me == null ? null : me.getPasswordHash()) && me.isActive();
            if (known) {
                throttle.succeeded(login);
            } else {
                throttle.failed(login);
                LOG.warning(() -> "Wrong password given for " + login);
            }
            return known;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    @Override
    public void changePassword(char[] currentPassword, char[] next) {
        try {
            String login = currentUser();
            List<FieldError> errors = new ArrayList<>();
            if (next.length < MIN_PASSWORD) {
                errors.add(new FieldError("newPassword", "error.passwordShort", MIN_PASSWORD));
            } else if (String.valueOf(next).equalsIgnoreCase(login)) {
                errors.add(new FieldError("newPassword", "error.passwordIsLogin"));
            }
            Checks.throwIfAny(errors);
            if (!confirmPassword(currentPassword.clone())) {
                throw new GuanxiException("error.passwordWrong");
            }
            if (!db.shared()) {
                String hash = PasswordHasher.hash(next);
                db.inTransactionDo(em -> findUser(em, login).setPasswordHash(hash));
            } else if (login.equals(db.login())) {
                db.jdbc(c -> {
                    // the driver wipes the array it computes the verifier from
                    TeamLogins.changeOwn(c, TeamLogins.verifier(next.clone()));
                    return null;
                });
                db.passwordChanged(next);
            } else {
                // the owner's process acting for the person (the team server): through the database's function, with
                // the roles and the state the person has now (not those cached at sign-in)
                AppUser me = db.read(em -> findUser(em, login));
                Set<String> roles = me.getRoles().stream().map(Role::getName).collect(Collectors.toSet());
                String verifier = TeamLogins.verifier(next.clone());
                db.jdbcTransaction(c -> {
                    TeamLogins.save(c, login, verifier, roles, me.isActive());
                    return null;
                });
            }
            AppUser me = db.read(em -> findUser(em, login));
            if (me != null) {
                db.inTransactionDo(em -> audit().record(em, USER_ENTITY, me.getId(), AuditLog.field("password", null),
                        Map.of("password", "changed by the person")));
            }
            LOG.info(() -> "Password changed: " + login);
        } finally {
            Arrays.fill(currentPassword, '\0');
            Arrays.fill(next, '\0');
        }
    }

    @Override
    public void assignTeam(String login, String team) {
        check(Permission.USER_ADMIN);
        String before = teams().get(login);
        db.jdbcTransaction(c -> {
            TeamLogins.assignTeam(c, login, team == null ? "" : team);
            AppUser u = db.read(em -> findUser(em, login));
            if (u != null) {
                audit().record(c, USER_ENTITY, u.getId(), AuditLog.field("team", before),
                        AuditLog.field("team", team == null || team.isBlank() ? null : team));
            }
            return null;
        });
    }

    @Override
    public Map<String, String> teams() {
        return db.jdbc(TeamLogins::teams);
    }

    @Override
    public List<UserAccount> users() {
        check(Permission.USER_ADMIN);
        Map<String, String> teams = teams();
        return db.read(em -> em.createQuery("SELECT u FROM AppUser u ORDER BY u.login", AppUser.class).getResultList()
                .stream().map(u -> new UserAccount(u.getLogin(), u.getDisplayName(), u.isActive(),
                        u.getRoles().stream().map(Role::getName).collect(Collectors.toCollection(TreeSet::new)),
                        teams.get(u.getLogin())))
                .toList());
    }

    @Override
    public List<String> roleNames() {
        return db.read(em -> em.createQuery("SELECT r.name FROM Role r ORDER BY r.name", String.class).getResultList());
    }

    private static AppUser findUser(EntityManager em, String login) {
        List<AppUser> users = em.createQuery("SELECT u FROM AppUser u WHERE u.login = :l", AppUser.class)
                .setParameter("l", login).getResultList();
        return users.isEmpty() ? null : users.get(0);
    }

    private static Role findRole(EntityManager em, String name) {
        return em.createQuery("SELECT r FROM Role r WHERE r.name = :n", Role.class).setParameter("n", name).getSingleResult();
    }
}
