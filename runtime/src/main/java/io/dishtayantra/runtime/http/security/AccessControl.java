package io.dishtayantra.runtime.http.security;

import io.micronaut.http.HttpRequest;

/**
 * Authenticates a request and decides whether it may do what it requests. Implementations may block
 * (a Kubernetes review is an HTTP call), so callers run them off the event loop. Thread-safe.
 */
public interface AccessControl {

    /**
     * Checks one request.
     *
     * @param permission what the request needs, never {@link Permission#PUBLIC}
     * @param dagName the DAG the request is about, or null for requests about no single DAG
     */
    AccessDecision check(HttpRequest<?> request, Permission permission, String dagName);

    /** Returns the bearer token of the Authorization header, or null when there is none. */
    static String bearerToken(HttpRequest<?> request) {
        String header = request.getHeaders().getAuthorization().orElse(null);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).strip();
        return token.isEmpty() ? null : token;
    }
}
