package io.dishtayantra.runtime.http.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dishtayantra.runtime.http.TestRuntime;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps docs/openapi.yaml and the server's routes in step: every route documented, nothing extra. */
class OpenApiDocumentTest {

    private static final Path DOCUMENT = Path.of("..", "docs", "openapi.yaml");
    private static final Set<String> UNDOCUMENTED = Set.of("GET /", "GET /ui", "GET /ui/");
    private static final Pattern ALTERNATIVES = Pattern.compile("\\{(\\w+):([\\w|]+)}");

    @TempDir
    static Path dataDirectory;

    static TestRuntime runtime;

    @BeforeAll
    static void start() {
        runtime = new TestRuntime(dataDirectory);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void documentListsEveryRoute() throws Exception {
        Set<String> served = new TreeSet<>();
        // Micronaut adds a HEAD route for every GET route; the document lists the GET only.
        runtime.server.bean(Router.class).uriRoutes()
                .filter(route -> !route.getHttpMethodName().equals("HEAD"))
                .forEach(route -> served.addAll(expand(route)));
        served.removeAll(UNDOCUMENTED);

        Set<String> documented = new TreeSet<>();
        JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(DOCUMENT.toFile()).get("paths");
        for (Iterator<String> names = paths.fieldNames(); names.hasNext();) {
            String path = names.next();
            for (Iterator<String> methods = paths.get(path).fieldNames(); methods.hasNext();) {
                String method = methods.next();
                if (!method.equals("parameters")) {
                    documented.add(method.toUpperCase(Locale.ROOT) + " " + path);
                }
            }
        }
        assertThat(documented).isEqualTo(served);
    }

    /** Lists one entry per concrete path: a {action:a|b} segment becomes one path per alternative. */
    private static Set<String> expand(UriRouteInfo<?, ?> route) {
        String template = route.getUriMatchTemplate().toString();
        Set<String> paths = new TreeSet<>();
        Matcher matcher = ALTERNATIVES.matcher(template);
        if (matcher.find()) {
            for (String alternative : matcher.group(2).split("\\|")) {
                paths.add(route.getHttpMethodName() + " " + template.replace(matcher.group(), alternative));
            }
        } else {
            paths.add(route.getHttpMethodName() + " " + template);
        }
        return paths;
    }
}
