package io.dishtayantra.runtime.http.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.dishtayantra.runtime.http.TestHttp;
import io.dishtayantra.runtime.http.TestRuntime;
import io.micronaut.http.HttpMethod;
import io.micronaut.web.router.Router;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls every route the server has, found through Micronaut's router, without credentials, as a
 * viewer and as an admin, so that a new endpoint cannot slip in without access control.
 */
class EndpointAccessTest {

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(:([\\w|]+))?}");
    private static final Map<String, String> VALUES = Map.of("name", "guarded", "node", "ingest", "id", "no-such-token");

    @TempDir
    static Path dataDirectory;

    static TestRuntime runtime;
    static List<String[]> routes;

    @BeforeAll
    static void start() {
        runtime = new TestRuntime(dataDirectory);
        runtime.start(TestRuntime.chain("guarded"));
        TreeSet<String> unique = new TreeSet<>();
        runtime.server.bean(Router.class).uriRoutes()
                .filter(route -> !route.getHttpMethodName().equals("HEAD"))
                .forEach(route -> unique.add(route.getHttpMethodName() + " " + concrete(route.getUriMatchTemplate().toString())));
        routes = unique.stream().map(route -> route.split(" ", 2)).toList();
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    /** Fills path variables with names that exist; a {action:a|b} variable takes its first alternative. */
    private static String concrete(String template) {
        Matcher matcher = VARIABLE.matcher(template);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String value = matcher.group(3) != null ? matcher.group(3).split("\\|")[0] : VALUES.get(matcher.group(1));
            matcher.appendReplacement(path, value);
        }
        matcher.appendTail(path);
        return path.toString();
    }

    private static TestHttp.Reply call(TestHttp http, String method, String path) {
        // A body that is valid JSON but wrong for every endpoint: access control must answer first.
        return http.send(method, path, method.equals("GET") || method.equals("DELETE") ? null : "{}", "application/json");
    }

    @Test
    void everyProtectedRouteNeedsCredentials() {
        assertThat(routes).hasSizeGreaterThan(20);
        for (String[] route : routes) {
            Permission permission = AccessRules.required(HttpMethod.parse(route[0]), route[1]);
            TestHttp.Reply reply = call(runtime.anonymous, route[0], route[1]);
            if (permission == Permission.PUBLIC) {
                assertThat(reply.status()).as(route[0] + " " + route[1]).isNotIn(401, 403);
            } else {
                assertThat(reply.status()).as(route[0] + " " + route[1]).isEqualTo(401);
            }
        }
    }

    @Test
    void adminRoutesRejectViewer() {
        for (String[] route : routes) {
            Permission permission = AccessRules.required(HttpMethod.parse(route[0]), route[1]);
            if (permission == Permission.ADMIN) {
                assertThat(call(runtime.viewer, route[0], route[1]).status()).as(route[0] + " " + route[1]).isEqualTo(403);
            }
        }
    }

    @Test
    void readRoutesAllowViewer() {
        for (String[] route : routes) {
            Permission permission = AccessRules.required(HttpMethod.parse(route[0]), route[1]);
            if (permission == Permission.READ || permission == Permission.AUTHENTICATED) {
                assertThat(call(runtime.viewer, route[0], route[1]).status()).as(route[0] + " " + route[1]).isNotIn(401, 403);
            }
        }
    }

    @Test
    void mutatingRoutesNeedAdmin() {
        for (String[] route : routes) {
            if (!route[0].equals("GET") && !route[1].equals("/api/v1/session")) {
                assertThat(AccessRules.required(HttpMethod.parse(route[0]), route[1])).as(route[0] + " " + route[1])
                        .isIn(Permission.ADMIN, Permission.PUBLIC);
            }
        }
    }
}
