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

    /** Team mode: checks the password; returns false and stays signed out when it does not match. */
    boolean login(String login, char[] password);

    /** Standalone mode: signs the OS user in as administrator, creating the user on first start. */
    void signInOsUser();

    /** Whether any user can sign in with a password, i.e. team mode has a first user. */
    boolean hasPasswordUsers();

    /** Creates or replaces a user with a password (for team mode administration and tests). */
    void createUser(String login, String displayName, char[] password, String... roleNames);
}
