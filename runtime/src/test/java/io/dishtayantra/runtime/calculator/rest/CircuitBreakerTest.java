package io.dishtayantra.runtime.calculator.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final AtomicLong now = new AtomicLong();
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(10), now::get);

    @Test
    void opensAfterThresholdConsecutiveFailures() {
        assertThat(breaker.recordFailure()).isFalse();
        assertThat(breaker.recordFailure()).isFalse();
        assertThat(breaker.recordFailure()).isTrue();

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.allowsCall()).isFalse();
    }

    @Test
    void successResetsTheFailureCount() {
        breaker.recordFailure();
        breaker.recordFailure();
        breaker.recordSuccess();
        breaker.recordFailure();

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void allowsOneTrialAfterOpenDuration() {
        for (int i = 0; i < 3; i++) {
            breaker.recordFailure();
        }
        now.addAndGet(Duration.ofSeconds(10).toNanos());

        assertThat(breaker.allowsCall()).isTrue();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
    }

    @Test
    void failedTrialReopensForAnotherDuration() {
        for (int i = 0; i < 3; i++) {
            breaker.recordFailure();
        }
        now.addAndGet(Duration.ofSeconds(11).toNanos());
        breaker.allowsCall();

        breaker.recordFailure();

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        now.addAndGet(Duration.ofSeconds(9).toNanos());
        assertThat(breaker.allowsCall()).isFalse();
    }

    @Test
    void successfulTrialCloses() {
        for (int i = 0; i < 3; i++) {
            breaker.recordFailure();
        }
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        breaker.allowsCall();

        assertThat(breaker.recordSuccess()).isTrue();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.allowsCall()).isTrue();
    }
}
