package io.dishtayantra.runtime.http.security;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Access control of a standalone runtime: an API token in {@code Authorization: Bearer}, or the
 * session cookie plus, on mutating requests, the session's CSRF token in the
 * {@value SessionStore#CSRF_HEADER} header. Viewers read; admins also change things.
 */
public final class StandaloneAccessControl implements AccessControl {

    private final UserStore users;
    private final SessionStore sessions;

    public StandaloneAccessControl(UserStore users, SessionStore sessions) {
        this.users = users;
        this.sessions = sessions;
    }

    @Override
    public AccessDecision check(HttpRequest<?> request, Permission permission, String dagName) {
        Caller caller;
        String token = AccessControl.bearerToken(request);
        if (token != null) {
            Optional<Caller> fromToken = users.authenticateToken(token);
            if (fromToken.isEmpty()) {
                return AccessDecision.unauthenticated("The API token is unknown or revoked.");
            }
            caller = fromToken.get();
        } else {
            String cookie = request.getCookies().findCookie(SessionStore.COOKIE).map(Cookie::getValue).orElse(null);
            Optional<SessionStore.Session> session = sessions.find(cookie);
            if (session.isEmpty()) {
                return AccessDecision.unauthenticated(cookie == null
                        ? "Log in at /ui/login.html or send an API token as 'Authorization: Bearer <token>'."
                        : "The session expired or was closed; log in again.");
            }
            if (mutating(request.getMethod()) && !csrfMatches(request, session.get())) {
                return AccessDecision.forbidden(session.get().caller(), "Missing or wrong " + SessionStore.CSRF_HEADER
                        + " header; a request made with the session cookie must send the CSRF token from GET /api/v1/session.");
            }
            caller = session.get().caller();
        }

        Role required = permission == Permission.ADMIN ? Role.ADMIN : Role.VIEWER;
        if (!caller.role().includes(required)) {
            return AccessDecision.forbidden(caller, "User '" + caller.name() + "' has role " + caller.role().label()
                    + "; this request needs role " + required.label() + ".");
        }
        return AccessDecision.allow(caller);
    }

    static boolean mutating(HttpMethod method) {
        return method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS;
    }

    private static boolean csrfMatches(HttpRequest<?> request, SessionStore.Session session) {
        String sent = request.getHeaders().get(SessionStore.CSRF_HEADER);
        return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                session.csrfToken().getBytes(StandardCharsets.UTF_8));
    }
}
