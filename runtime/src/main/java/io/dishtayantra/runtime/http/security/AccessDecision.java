package io.dishtayantra.runtime.http.security;

/**
 * The result of checking one request's credentials and permission.
 *
 * @param caller who made the request; null when it is not authenticated
 * @param status 0 when allowed, otherwise 401 (no or bad credentials) or 403 (not permitted)
 * @param message why it was rejected, for the response body
 */
public record AccessDecision(Caller caller, int status, String message) {

    public static AccessDecision allow(Caller caller) {
        return new AccessDecision(caller, 0, null);
    }

    public static AccessDecision unauthenticated(String message) {
        return new AccessDecision(null, 401, message);
    }

    public static AccessDecision forbidden(Caller caller, String message) {
        return new AccessDecision(caller, 403, message);
    }

    public boolean allowed() {
        return status == 0;
    }
}
