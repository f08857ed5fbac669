package io.dishtayantra.runtime.http.security;

import io.dishtayantra.runtime.http.HttpSettings;
import io.dishtayantra.runtime.http.api.ApiException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.annotation.PreDestroy;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Login, logout and the current caller, and the runtime's mode for the login page. */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SessionController {

    private static final Logger LOG = LoggerFactory.getLogger(SessionController.class);
    private static final long PASSWORD_CHECK_WAIT_SECONDS = 10;

    private final HttpSettings settings;
    private final Optional<UserStore> users;
    private final SessionStore sessions;
    private final AtomicLong failedLogins = new AtomicLong();

    /**
     * Password checks running or waiting at once. One PBKDF2 check took 0.2 s warm and up to 4 s
     * cold on a loaded 2-core machine, so without a bound a burst of logins would starve the DAGs.
     */
    private final Semaphore passwordChecks = new Semaphore(2);

    /**
     * The one platform thread that runs password checks. Handlers run on virtual threads, and a
     * CPU-bound check there occupies a carrier thread. With as many carriers as cores, two checks
     * stalled every other request, health probes included.
     */
    private final ExecutorService passwordHashing = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("password-check").daemon(true).factory());

    /** A login request. */
    public record Login(String username, String password) {
    }

    /** The logged-in caller, with the CSRF token to send on mutating requests (null for token callers). */
    public record SessionInfo(String user, String role, String via, String csrfToken) {
    }

    /** The mode and how to authenticate, for the login page. */
    public record RuntimeInfo(String mode, String authentication) {
    }

    public SessionController(HttpSettings settings, Optional<UserStore> users, SessionStore sessions) {
        this.settings = settings;
        this.users = users;
        this.sessions = sessions;
    }

    @Get("/info")
    public RuntimeInfo info() {
        return settings.cluster()
                ? new RuntimeInfo("cluster", "kubernetes-token")
                : new RuntimeInfo("standalone", "password");
    }

    /** Checks a user name and password and sets the session cookie. */
    @Post("/session")
    public HttpResponse<SessionInfo> login(HttpRequest<?> request, @Body Login login) {
        if (settings.cluster()) {
            throw new ApiException(HttpStatus.CONFLICT, "not_supported",
                    "In a cluster there are no local users; send a Kubernetes bearer token, for example from 'kubectl create token NAME'.");
        }
        if (login == null || login.username() == null || login.username().isBlank()) {
            throw ApiException.badRequest("Field 'username' is missing.");
        }
        if (login.password() == null || login.password().isEmpty()) {
            throw ApiException.badRequest("Field 'password' is missing.");
        }
        Optional<Caller> caller = checkPassword(login);
        if (caller.isEmpty()) {
            long failures = failedLogins.incrementAndGet();
            if (failures == 1 || failures % 100 == 0) {
                LOG.warn("Failed login for user '{}' ({} failed logins since start)", login.username(), failures);
            }
            throw new ApiException(HttpStatus.UNAUTHORIZED, "unauthenticated", "Wrong user name or password.");
        }
        SessionStore.Session session = sessions.open(caller.get());
        LOG.info("User {} logged in with role {}", caller.get().name(), caller.get().role().label());
        return HttpResponse.ok(new SessionInfo(caller.get().name(), caller.get().role().label(), "session", session.csrfToken()))
                .cookie(sessionCookie(session.id(), SessionStore.IDLE_TIMEOUT.toSeconds(), secure(request)));
    }

    private Optional<Caller> checkPassword(Login login) {
        try {
            if (!passwordChecks.tryAcquire(PASSWORD_CHECK_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("Rejected a login for user '{}': too many password checks are running", login.username());
                throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too_many_requests",
                        "Too many logins at once; try again in a few seconds.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "interrupted", "The runtime is shutting down.");
        }
        try {
            UserStore store = users.orElseThrow();
            char[] password = login.password().toCharArray();
            return passwordHashing.submit(() -> store.authenticate(login.username(), password)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "interrupted", "The runtime is shutting down.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("The password check failed", e.getCause());
        } catch (RejectedExecutionException e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "shutting_down", "The runtime is shutting down.");
        } finally {
            passwordChecks.release();
        }
    }

    @PreDestroy
    void stopPasswordChecks() {
        passwordHashing.shutdownNow();
    }

    /** Whether the browser reached the runtime over HTTPS, directly or through a proxy that says so. */
    private static boolean secure(HttpRequest<?> request) {
        return request.isSecure() || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
    }

    /** Returns the caller of this request. */
    @Get("/session")
    public SessionInfo current(HttpRequest<?> request) {
        Caller caller = SecurityFilter.caller(request).orElseThrow();
        String csrf = request.getCookies().findCookie(SessionStore.COOKIE)
                .flatMap(cookie -> sessions.find(cookie.getValue()))
                .map(SessionStore.Session::csrfToken)
                .orElse(null);
        return new SessionInfo(caller.name(), caller.role().label(), caller.via(), csrf);
    }

    /** Ends the session and clears its cookie. */
    @Delete("/session")
    public HttpResponse<Void> logout(HttpRequest<?> request) {
        request.getCookies().findCookie(SessionStore.COOKIE).ifPresent(cookie -> sessions.close(cookie.getValue()));
        return HttpResponse.<Void>noContent().cookie(sessionCookie("", 0, secure(request)));
    }

    /** Builds the session cookie: HttpOnly, SameSite=Strict, and Secure when the request came over HTTPS. */
    private static Cookie sessionCookie(String value, long maxAgeSeconds, boolean secure) {
        return Cookie.of(SessionStore.COOKIE, value)
                .httpOnly(true)
                .sameSite(SameSite.Strict)
                .secure(secure)
                .path("/")
                .maxAge(maxAgeSeconds);
    }
}
