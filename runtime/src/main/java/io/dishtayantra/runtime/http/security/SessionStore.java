package io.dishtayantra.runtime.http.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Browser sessions of a standalone runtime, in memory: a restart logs everyone out. Each session
 * has its own CSRF token, which mutating requests must echo in the {@value #CSRF_HEADER} header.
 * Sessions expire after {@link #IDLE_TIMEOUT} without a request. Thread-safe.
 */
public final class SessionStore {

    /** Name of the session cookie. */
    public static final String COOKIE = "DY_SESSION";

    /** Header that carries the CSRF token on mutating requests made with the session cookie. */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    /** How long a session lives without a request. */
    public static final Duration IDLE_TIMEOUT = Duration.ofHours(8);

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final PasswordHasher hasher;
    private final Clock clock;

    /** One logged-in browser. */
    public record Session(String id, Caller caller, String csrfToken, Instant lastUsed) {
    }

    public SessionStore(PasswordHasher hasher, Clock clock) {
        this.hasher = hasher;
        this.clock = clock;
    }

    /** Opens a session for a caller that has just logged in. */
    public Session open(Caller caller) {
        removeExpired();
        Session session = new Session(hasher.randomSecret(32), caller, hasher.randomSecret(24), clock.instant());
        sessions.put(session.id(), session);
        return session;
    }

    /** Finds a live session by cookie value and marks it used; empty when unknown or expired. */
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Session session = sessions.computeIfPresent(id, (key, existing) ->
                existing.lastUsed().plus(IDLE_TIMEOUT).isBefore(now) ? null
                        : new Session(existing.id(), existing.caller(), existing.csrfToken(), now));
        return Optional.ofNullable(session);
    }

    /** Ends a session; nothing happens when it does not exist. */
    public void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    private void removeExpired() {
        Instant cutoff = clock.instant().minus(IDLE_TIMEOUT);
        sessions.values().removeIf(session -> session.lastUsed().isBefore(cutoff));
    }
}
