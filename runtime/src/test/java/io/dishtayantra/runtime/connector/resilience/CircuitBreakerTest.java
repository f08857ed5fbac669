package io.dishtayantra.runtime.connector.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofMillis(200),
            cause -> opened.incrementAndGet(), closed::incrementAndGet);

    @Test
    void opensAfterThresholdAndBlocksUntilTrial() throws Exception {
        breaker.onFailure(new RuntimeException("1"));
        breaker.onFailure(new RuntimeException("2"));
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        breaker.onFailure(new RuntimeException("3"));
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(opened).hasValue(1);

        Thread caller = Thread.ofPlatform().start(() -> {
            try {
                breaker.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        caller.join(Duration.ofMillis(50));
        assertThat(caller.isAlive()).as("caller blocked while open").isTrue();
        caller.join(Duration.ofSeconds(5));
        assertThat(caller.isAlive()).as("caller let through as the trial").isFalse();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
    }

    @Test
    void failedTrialReopensAndSuccessCloses() throws Exception {
        for (int i = 0; i < 3; i++) {
            breaker.onFailure(new RuntimeException());
        }
        breaker.acquire();
        breaker.onFailure(new RuntimeException("trial"));
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        breaker.acquire();
        breaker.onSuccess();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(closed).hasValue(1);
    }
}
