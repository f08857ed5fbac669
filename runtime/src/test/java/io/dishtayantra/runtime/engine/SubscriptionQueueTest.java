package io.dishtayantra.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.dishtayantra.api.connector.Acknowledgement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checks that the input queue grows on demand and keeps events in order. */
class SubscriptionQueueTest {

    /** A consumer that ignores wake-ups; the test drains the queue itself. */
    private static final SubscriptionQueue.Consumer IDLE = new SubscriptionQueue.Consumer() {
        @Override
        public void wake() {
        }

        @Override
        public void rejected(SubscriptionQueue queue, byte[] payload, String reason) {
        }
    };

    @Test
    @SuppressWarnings("unchecked")
    void hugeCapacityGrowsOnDemandInOrder() throws Exception {
        SubscriptionQueue queue = new SubscriptionQueue(Integer.MAX_VALUE - 8, 0);
        queue.consumer(IDLE);
        Map<String, Object>[] events = new Map[5000];
        Acknowledgement[] acknowledgements = new Acknowledgement[5000];

        for (int i = 0; i < 1500; i++) {
            queue.accept(Map.of("id", i), null);
        }
        int first = queue.drainTo(events, acknowledgements, 700);
        for (int i = 1500; i < 5000; i++) {
            queue.accept(Map.of("id", i), null);
        }
        int rest = queue.drainTo(events, acknowledgements, 5000);

        assertThat(first).isEqualTo(700);
        assertThat(rest).isEqualTo(4300);
        for (int i = 0; i < rest; i++) {
            assertThat(events[i]).containsEntry("id", 700 + i);
        }
    }

    @Test
    void smallCapacityStillBlocksOffers() {
        SubscriptionQueue queue = new SubscriptionQueue(3, 0);
        queue.consumer(IDLE);

        assertThat(queue.offer(Map.of("id", 1))).isTrue();
        assertThat(queue.offer(Map.of("id", 2))).isTrue();
        assertThat(queue.offer(Map.of("id", 3))).isTrue();
        assertThat(queue.offer(Map.of("id", 4))).isFalse();
    }
}
