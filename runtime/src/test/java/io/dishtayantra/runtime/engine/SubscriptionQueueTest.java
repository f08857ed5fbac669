package io.dishtayantra.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dishtayantra.api.connector.Acknowledgement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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

    @Test
    @SuppressWarnings("unchecked")
    void batchTakesWhatFitsAndGrowsInOrder() throws Exception {
        SubscriptionQueue queue = new SubscriptionQueue(3000, 0);
        queue.consumer(IDLE);
        Map<String, Object>[] batch = new Map[2500];
        for (int i = 0; i < batch.length; i++) {
            batch[i] = Map.of("id", i);
        }

        int first = queue.acceptBatch(batch, 0, 2500);
        int second = queue.acceptBatch(batch, 0, 2500);

        assertThat(first).isEqualTo(2500);
        assertThat(second).isEqualTo(500);
        assertThat(queue.size()).isEqualTo(3000);
        Map<String, Object>[] drained = new Map[3000];
        assertThat(queue.drainTo(drained, new Acknowledgement[3000], 3000)).isEqualTo(3000);
        assertThat(drained[2499]).containsEntry("id", 2499);
        assertThat(drained[2500]).containsEntry("id", 0);
        assertThat(drained[2999]).containsEntry("id", 499);
    }

    @Test
    @SuppressWarnings("unchecked")
    void batchWaitsForRoomWhenFull() throws Exception {
        SubscriptionQueue queue = new SubscriptionQueue(2, 0);
        queue.consumer(IDLE);
        Map<String, Object>[] batch = new Map[] {Map.of("id", 1), Map.of("id", 2), Map.of("id", 3)};
        assertThat(queue.acceptBatch(batch, 0, 3)).isEqualTo(2);

        CompletableFuture<Integer> blocked = CompletableFuture.supplyAsync(() -> {
            try {
                return queue.acceptBatch(batch, 2, 3);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        assertThat(blocked).isNotDone();
        queue.drainTo(new Map[2], new Acknowledgement[2], 1);

        assertThat(blocked.get(5, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(queue.size()).isEqualTo(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void batchFailsOnClosedQueueOrNullEvent() throws Exception {
        SubscriptionQueue queue = new SubscriptionQueue(4, 0);
        queue.consumer(IDLE);
        Map<String, Object>[] withNull = new Map[] {Map.of("id", 1), null};

        assertThatThrownBy(() -> queue.acceptBatch(withNull, 0, 2))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("event 1");
        assertThat(queue.size()).isZero();
        queue.close();
        assertThatThrownBy(() -> queue.acceptBatch(withNull, 0, 1))
                .isInstanceOf(InterruptedException.class);
    }
}
