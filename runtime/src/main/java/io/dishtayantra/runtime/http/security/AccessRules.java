package io.dishtayantra.runtime.http.security;

import io.micronaut.http.HttpMethod;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The permission each path needs, and the DAG a path is about. */
public final class AccessRules {

    private static final Pattern DAG_PATH = Pattern.compile("^/api/v1/dags/([^/]+)(/.*)?$");

    private AccessRules() {
    }

    /** Returns the permission a request needs. */
    public static Permission required(HttpMethod method, String path) {
        if (path.equals("/") || path.startsWith("/ui/") || path.equals("/ui") || path.equals("/favicon.ico")
                || path.equals("/metrics") || path.startsWith("/health/")
                || path.equals("/api/v1/info")
                || (path.equals("/api/v1/session") && method == HttpMethod.POST)) {
            return Permission.PUBLIC;
        }
        if (path.startsWith("/api/v1/system") || path.startsWith("/api/v1/logs")
                || path.startsWith("/api/v1/users") || path.startsWith("/api/v1/tokens")) {
            return Permission.ADMIN;
        }
        if (path.equals("/api/v1/session")) {
            return Permission.AUTHENTICATED;
        }
        return StandaloneAccessControl.mutating(method) ? Permission.ADMIN : Permission.READ;
    }

    /** Returns the DAG named in a path such as /api/v1/dags/NAME/suspend, or null. */
    public static String dagName(String path) {
        Matcher matcher = DAG_PATH.matcher(path);
        return matcher.matches() ? URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8) : null;
    }
}
