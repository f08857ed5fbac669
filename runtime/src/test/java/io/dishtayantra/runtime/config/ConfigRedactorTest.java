package io.dishtayantra.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigRedactorTest {

    @Test
    void secretKeysAreRedactedAtEveryDepth() {
        Map<String, Object> config = Map.of(
                "user", "app",
                "Password", "p",
                "apiKey", "k",
                "auth", Map.of("bearerToken", "t", "realm", "r"),
                "clients", List.of(Map.of("clientSecret", "s")));

        Map<String, Object> redacted = ConfigRedactor.redact(config);

        assertThat(redacted).containsEntry("user", "app")
                .containsEntry("Password", ConfigRedactor.REDACTED)
                .containsEntry("apiKey", ConfigRedactor.REDACTED)
                .containsEntry("auth", Map.of("bearerToken", ConfigRedactor.REDACTED, "realm", "r"))
                .containsEntry("clients", List.of(Map.of("clientSecret", ConfigRedactor.REDACTED)));
    }

    @Test
    void uriPasswordIsRedacted() {
        assertThat(ConfigRedactor.redactUri("amqp://app:hunter2@localhost:5672/vhost"))
                .isEqualTo("amqp://app:" + ConfigRedactor.REDACTED + "@localhost:5672/vhost");
        assertThat(ConfigRedactor.redactUri("mem://queue/trades")).isEqualTo("mem://queue/trades");
    }
}
