package io.dishtayantra.runtime.calculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dishtayantra.crd.validation.ValidationProblem;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigReaderTest {

    @Test
    void unresolvedEnvironmentReferencesPassFormatChecks() {
        ConfigReader reader = new ConfigReader(Map.of("retries", "${env:RETRIES}", "timeout", "${env:TIMEOUT}",
                "fast", "${env:FAST}", "mode", "${env:MODE}"), "c");

        assertThat(reader.integer("retries", 2, 0, 10)).isEqualTo(2);
        assertThat(reader.duration("timeout", Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
        assertThat(reader.bool("fast", false)).isFalse();
        assertThat(reader.oneOf("mode", "a", List.of("a", "b"))).isEqualTo("a");
        assertThat(reader.problems()).isEmpty();
    }

    @Test
    void resolvedNumberAndBooleanStringsAreAccepted() {
        ConfigReader reader = new ConfigReader(Map.of("retries", "3", "fast", "true"), "c");

        assertThat(reader.integer("retries", 2, 0, 10)).isEqualTo(3);
        assertThat(reader.bool("fast", false)).isTrue();
        assertThat(reader.problems()).isEmpty();
    }

    @Test
    void wrongTypesAreReportedWithFullPath() {
        ConfigReader reader = new ConfigReader(Map.of("retries", 1.5, "timeout", "10 seconds", "fast", "yes"),
                "spec.calculators[2].config");

        reader.integer("retries", 2, 0, 10);
        reader.duration("timeout", Duration.ofSeconds(1));
        reader.bool("fast", false);

        assertThat(reader.problems()).extracting(ValidationProblem::path).containsExactly(
                "spec.calculators[2].config.retries", "spec.calculators[2].config.timeout",
                "spec.calculators[2].config.fast");
    }

    @Test
    void secretValuesAreRedacted() {
        ConfigReader reader = new ConfigReader(Map.of("auth", Map.of("password", 42)), "c");

        reader.nested("auth").string("password", null);

        assertThat(reader.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("c.auth.password");
            assertThat(problem.value()).isEqualTo("<redacted>");
        });
    }

    @Test
    void throwIfInvalidListsEveryProblem() {
        ConfigReader reader = new ConfigReader(Map.of("x", 1), "c");
        reader.requiredString("a");
        reader.rejectUnknownKeys(java.util.Set.of("a"));

        assertThatThrownBy(reader::throwIfInvalid).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("c.a").hasMessageContaining("c.x");
    }
}
