package io.dishtayantra.runtime.http.security;

/**
 * The access a request needs. In standalone mode {@link #READ} needs the viewer role and
 * {@link #ADMIN} the admin role; in cluster mode they map to the RBAC verbs {@code get} and
 * {@code patch} on the {@code dags} resource.
 */
public enum Permission {
    /** Anyone, even without credentials: health probes, metrics, the login page. */
    PUBLIC,
    /** Any authenticated caller, whatever its role or RBAC rights: the caller's own session. */
    AUTHENTICATED,
    /** Reading DAGs and their state. */
    READ,
    /** Changing anything, and the admin-only pages (system monitoring, logs, users, tokens). */
    ADMIN
}
