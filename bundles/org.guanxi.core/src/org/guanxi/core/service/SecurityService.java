package org.guanxi.core.service;

import org.guanxi.core.model.Permission;

/** Who is signed in, and what they may do. */
public interface SecurityService {

    /** Login of the signed-in user. */
    String currentUser();

    String currentUserDisplayName();

    boolean isSignedIn();

    boolean hasPermission(Permission permission);

    /** Names of the signed-in user's roles (empty when nobody is signed in). */
    java.util.Set<String> currentRoles();

    /** @throws PermissionDeniedException when the signed-in user lacks {@code permission} */
    void check(Permission permission);

    /**
     * Signs a person in with their password: on a team database by opening it with the person's own database login
     * (the database checks the password), on embedded Derby against the stored hash. Returns false and stays signed
     * out when login or password are wrong or the person is disabled; repeated failures of one login wait longer
     * each time and then lock it for a while.
     *
     * @throws SignInLockedException when the login is locked after repeated failures
     */
    boolean login(String login, char[] password);

    /**
     * Signs in the identity this process already has. Embedded Derby (one desktop): the OS user, as administrator,
     * created on first start. A team database opened with a login of its own (the team server, a command with
     * credentials): that database login — the database's owner as administrator, a person as that person. Never the
     * OS user on a team database.
     */
    void signInAsProcess();

    /** Whether any user can sign in with a password, i.e. team mode has a first user. */
    boolean hasPasswordUsers();

    /** Creates or replaces an active user with a password and these roles (administration and tests). */
    void createUser(String login, String displayName, char[] password, String... roleNames);

    /**
     * Creates or changes a user (administrators only): display name, active or disabled, roles, sales team (null:
     * unchanged, blank: none), and a new password unless {@code password} is null. On a team database this creates or changes the person's own
     * database login with it, in the same transaction.
     */
    void saveUser(String login, String displayName, char[] password, boolean active, java.util.Set<String> roleNames, String team);

    /**
     * Whether this is the signed-in person's password (to unlock an idle desktop); failures count like failed
     * sign-ins and lock the login alike. The array is wiped.
     */
    boolean confirmPassword(char[] password);

    /** Passwords a person chooses have at least this many characters (NIST SP 800-63B). */
    int MIN_PASSWORD = 8;

    /**
     * The signed-in person changes their own password, proving the current one (failures count like failed
     * sign-ins). At least {@link #MIN_PASSWORD} characters, not the login. On a team database this changes the
     * person's database login. Both arrays are wiped.
     */
    void changePassword(char[] current, char[] next);

    /**
     * Puts a person in a sales team, or with a blank team takes them out (administrators only: the team decides
     * whose customers and deals a person sees).
     */
    void assignTeam(String login, String team);

    /** Every person's sales team, by login. */
    java.util.Map<String, String> teams();

    /** Every user with roles and team, by login (administrators only). */
    java.util.List<UserAccount> users();

    /** Names of the roles a user may be given. */
    java.util.List<String> roleNames();

    /** A user as the administration shows it. */
    record UserAccount(String login, String displayName, boolean active, java.util.Set<String> roles, String team) {
    }
}
