package io.dishtayantra.crd.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void overflowingDurationIsRejected() {
        assertThatThrownBy(() -> Durations.parse("99999999999999999999h"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too long");
        assertThat(Durations.isValid("9999999999999999h")).isFalse();
        assertThat(Durations.isValid("2562048h")).isFalse();
    }

    @Test
    void longestDurationIsAccepted() {
        assertThat(Durations.parse("2562047h")).isEqualTo(Duration.ofHours(2562047));
        assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    }
}
