package io.dishtayantra.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentResolverTest {

    private final EnvironmentResolver resolver = new EnvironmentResolver(
            Map.of("DB_PASSWORD", "s3cret", "HOST", "db.local")::get);

    @Test
    void referencesAreResolvedAtEveryDepth() {
        Map<String, Object> config = Map.of(
                "password", "${env:DB_PASSWORD}",
                "url", "jdbc://${env:HOST}:5432/${env:DB:-trades}",
                "nested", Map.of("hosts", List.of("${env:HOST}", 5)),
                "port", 5432);

        Map<String, Object> resolved = resolver.resolve(config, "spec.publishers[0].config");

        assertThat(resolved).containsEntry("password", "s3cret")
                .containsEntry("url", "jdbc://db.local:5432/trades")
                .containsEntry("nested", Map.of("hosts", List.of("db.local", 5)))
                .containsEntry("port", 5432);
        assertThat(config.get("password")).isEqualTo("${env:DB_PASSWORD}");
    }

    @Test
    void missingVariableNamesVariableAndPath() {
        assertThatThrownBy(() -> resolver.resolve(Map.of("nested", List.of("${env:API_TOKEN}")), "spec.subscribers[1].config"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Environment variable API_TOKEN is not set but spec.subscribers[1].config.nested[0] references it; "
                        + "set it, or write ${env:API_TOKEN:-DEFAULT} to give a default.");
    }

    @Test
    void emptyDefaultIsAllowed() {
        assertThat(resolver.resolveString("a${env:NONE:-}b", "x")).isEqualTo("ab");
        assertThat(resolver.resolveString("no references", "x")).isEqualTo("no references");
    }
}
