package io.dishtayantra.runtime.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectorRegistryTest {

    private final ConnectorRegistry registry = ConnectorRegistry.load(getClass().getClassLoader());

    @Test
    void builtInSchemesAreFound() {
        assertThat(registry.schemes()).contains("mem", "file", "metronome");
        assertThat(registry.shareable("kafka")).isTrue();
        assertThat(registry.shareable("metronome")).isFalse();
        assertThat(registry.shareable("mem")).isFalse();
    }

    @Test
    void unknownSchemeListsKnownSchemes() {
        assertThatThrownBy(() -> registry.createSubscriber(URI.create("pigeon://loft/trades"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Unknown URI scheme 'pigeon' in pigeon://loft/trades; known schemes are [")
                .hasMessageContaining("file, ")
                .hasMessageContaining("mem, ");
        assertThat(registry.validate("pigeon://loft/trades", Map.of(), true, "spec.subscribers[2]"))
                .extracting(Object::toString).singleElement().asString()
                .startsWith("spec.subscribers[2].uri (pigeon://loft/trades): Unknown URI scheme 'pigeon'");
    }

    @Test
    void bareWordIsSchemeOnly() {
        assertThat(ConnectorRegistry.parse("metronome").getScheme()).isEqualTo("metronome");
        assertThat(ConnectorRegistry.parse("metronome://beat").getHost()).isEqualTo("beat");
        assertThat(registry.validate("metronome", Map.of("interval", "250ms"), true, "spec.subscribers[0]")).isEmpty();
    }

    @Test
    void malformedUriAndConfigAreReported() {
        assertThat(registry.validate("mem://queue/a b", Map.of(), true, "spec.subscribers[0]"))
                .extracting(Object::toString).singleElement().asString()
                .startsWith("spec.subscribers[0].uri (mem://queue/a b): The URI 'mem://queue/a b' is malformed");
        assertThat(registry.validate("metronome", Map.of("interval", "often"), false, "spec.publishers[1]"))
                .extracting(Object::toString)
                .containsExactly(
                        "spec.publishers[1].uri (metronome): metronome is a subscriber only; use it in spec.subscribers.",
                        "spec.publishers[1].config.interval (often): Expected a duration such as 500ms, 10s or 2m, "
                                + "at most 2562047h (about 292 years).");
        assertThat(registry.validate("file://in.jsonl", Map.of("format", "xml", "follow", "sometimes"), true, "s"))
                .extracting(Object::toString)
                .containsExactly(
                        "s.config.format (xml): Expected one of [csv, jsonl].",
                        "s.config.follow (sometimes): Expected true or false.");
        assertThatThrownBy(() -> ConnectorRegistry.parse(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing");
    }
}
