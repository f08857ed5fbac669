package io.dishtayantra.runtime.connector.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2));

    @Test
    void delaysDoubleWithinJitterBounds() {
        for (int round = 0; round < 100; round++) {
            assertThat(backoff.delay(1).toMillis()).isBetween(50L, 100L);
            assertThat(backoff.delay(3).toMillis()).isBetween(200L, 400L);
        }
    }

    @Test
    void delaysNeverExceedMax() {
        for (int attempt = 1; attempt < 200; attempt++) {
            assertThat(backoff.delay(attempt)).isLessThanOrEqualTo(Duration.ofSeconds(2));
        }
    }
}
