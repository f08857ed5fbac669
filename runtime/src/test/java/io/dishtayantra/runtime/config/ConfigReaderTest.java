package io.dishtayantra.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dishtayantra.crd.validation.ValidationProblem;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigReaderTest {

    @Test
    void unresolvedEnvironmentReferencesPassFormatChecks() {
        ConfigReader reader = new ConfigReader(Map.of("retries", "${env:RETRIES}", "timeout", "${env:TIMEOUT}",
                "fast", "${env:FAST}", "mode", "${env:MODE}"), "c");

        assertThat(reader.integer("retries", 2, 0, 10)).isEqualTo(2);
        assertThat(reader.duration("timeout", Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
        assertThat(reader.bool("fast", false)).isFalse();
        assertThat(reader.oneOf("mode", "a", Set.of("a", "b"))).isEqualTo("${env:MODE}");
        assertThat(reader.problems()).isEmpty();
    }

    @Test
    void integerAcceptsStringsAndChecksRange() {
        ConfigReader reader = new ConfigReader(Map.of("retries", "3", "zero", 0, "big", 11, "half", 1.5), "c");

        assertThat(reader.integer("retries", 2, 0, 10)).isEqualTo(3);
        assertThat(reader.integer("zero", 2, 0, 10)).isZero();
        assertThat(reader.integer("big", 2, 0, 10)).isEqualTo(2);
        assertThat(reader.integer("half", 2, 0, 10)).isEqualTo(2);
        assertThat(reader.problems()).extracting(ValidationProblem::path).containsExactly("c.big", "c.half");
    }

    @Test
    void nestedReaderRecordsProblemsBelowItsKey() {
        ConfigReader reader = new ConfigReader(Map.of("circuitBreaker", Map.of("failureThreshold", 0)),
                "spec.calculators[2].config");

        reader.nested("circuitBreaker").integer("failureThreshold", 5, 1, 100);
        reader.nested("absent").string("anything", true, null);

        assertThat(reader.problems()).extracting(ValidationProblem::path).containsExactly(
                "spec.calculators[2].config.circuitBreaker.failureThreshold",
                "spec.calculators[2].config.absent.anything");
    }

    @Test
    void secretValuesAreRedacted() {
        ConfigReader reader = new ConfigReader(Map.of("auth", Map.of("password", Map.of("not", "a string"))), "c");

        reader.nested("auth").string("password", false, null);

        assertThat(reader.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("c.auth.password");
            assertThat(problem.value()).isEqualTo(ConfigRedactor.REDACTED);
        });
    }

    @Test
    void pathOfAndValueExposeRawSettings() {
        ConfigReader reader = new ConfigReader(Map.of("fallback", Map.of("value", 1)), "c");

        assertThat(reader.pathOf("fallback")).isEqualTo("c.fallback");
        assertThat(reader.value("fallback")).isEqualTo(Map.of("value", 1));
    }

    @Test
    void throwIfInvalidListsEveryProblem() {
        ConfigReader reader = new ConfigReader(Map.of("x", 1), "c");
        reader.string("a", true, null);
        reader.rejectUnknownKeys(Set.of("a"));

        assertThatThrownBy(reader::throwIfInvalid).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("c.a").hasMessageContaining("c.x");
    }
}
