package io.dishtayantra.runtime.http.security;

import io.dishtayantra.runtime.http.api.ApiError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates and authorises every request before it reaches a controller, using the
 * {@link AccessControl} of the runtime's mode, and adds security headers to every response.
 * The caller is stored in the request attribute {@value #CALLER_ATTRIBUTE}.
 */
@ServerFilter("/**")
public class SecurityFilter {

    /** Request attribute that contains the authenticated {@link Caller}. */
    public static final String CALLER_ATTRIBUTE = "dishtayantra.caller";

    private static final Logger LOG = LoggerFactory.getLogger(SecurityFilter.class);

    private final AccessControl accessControl;
    private final RejectionLog rejections = new RejectionLog();

    public SecurityFilter(AccessControl accessControl) {
        this.accessControl = accessControl;
    }

    /** Returns the authenticated caller of a request that passed this filter, if any. */
    public static Optional<Caller> caller(HttpRequest<?> request) {
        return request.getAttribute(CALLER_ATTRIBUTE, Caller.class);
    }

    /** Checks the request; returns null to let it through, or the 401/403 response. */
    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public HttpResponse<?> authorize(HttpRequest<?> request) {
        String path = request.getPath();
        Permission permission = AccessRules.required(request.getMethod(), path);
        if (permission == Permission.PUBLIC) {
            return null;
        }
        AccessDecision decision = accessControl.check(request, permission, AccessRules.dagName(path));
        if (decision.allowed()) {
            request.setAttribute(CALLER_ATTRIBUTE, decision.caller());
            return null;
        }
        rejections.record(LOG, request.getMethod() + " " + path, decision);
        HttpStatus status = HttpStatus.valueOf(decision.status());
        String error = switch (decision.status()) {
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            default -> "unavailable";
        };
        MutableHttpResponse<ApiError> response = HttpResponse.<ApiError>status(status).body(new ApiError(error, decision.message()));
        if (decision.status() == 401) {
            response.header("WWW-Authenticate", "Bearer realm=\"dishtayantra\"");
        }
        return response;
    }

    /** Adds headers that keep browsers from sniffing, framing or caching API responses. */
    @ResponseFilter
    public void secureHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.header("X-Content-Type-Options", "nosniff");
        response.header("X-Frame-Options", "DENY");
        response.header("Referrer-Policy", "no-referrer");
        response.header("Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'");
        if (request.getPath().startsWith("/api/")) {
            response.header("Cache-Control", "no-store");
        }
    }
}
