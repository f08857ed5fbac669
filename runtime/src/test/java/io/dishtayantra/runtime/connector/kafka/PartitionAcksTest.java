package io.dishtayantra.runtime.connector.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.dishtayantra.api.connector.Acknowledgement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class PartitionAcksTest {

    /** Computes the committable offset by its definition: the lowest pending offset, else the next one. */
    private static long expectedCommittable(TreeSet<Long> pending, long nextOffset, long committed) {
        long candidate = pending.isEmpty() ? nextOffset : pending.first();
        return candidate > committed ? candidate : -1;
    }

    @Test
    void emptyPartitionHasNothingToCommit() {
        PartitionAcks acks = new PartitionAcks();

        assertThat(acks.committable()).isEqualTo(-1);
        assertThat(acks.unacknowledged()).isZero();
    }

    @Test
    void commitStopsAtFirstPendingOffset() {
        PartitionAcks acks = new PartitionAcks();
        List<Acknowledgement> delivered = new ArrayList<>();
        for (long offset = 10; offset < 15; offset++) {
            delivered.add(acks.delivered(offset));
        }

        delivered.get(1).acknowledge();
        delivered.get(2).acknowledge();
        assertThat(acks.committable()).isEqualTo(10);
        assertThat(acks.unacknowledged()).isEqualTo(3);

        delivered.get(0).acknowledge();
        assertThat(acks.committable()).isEqualTo(13);
        acks.committed(13);
        assertThat(acks.committable()).isEqualTo(-1);

        delivered.get(4).acknowledge();
        delivered.get(3).acknowledge();
        assertThat(acks.committable()).isEqualTo(15);
        assertThat(acks.unacknowledged()).isZero();
    }

    @Test
    void repeatedAcknowledgementMarksNothingElse() {
        PartitionAcks acks = new PartitionAcks();
        List<Acknowledgement> delivered = new ArrayList<>();
        for (long offset = 0; offset < PartitionAcks.CHUNK_SIZE * 2L; offset++) {
            delivered.add(acks.delivered(offset));
        }
        for (int i = 0; i < PartitionAcks.CHUNK_SIZE; i++) {
            delivered.get(i).acknowledge();
        }
        assertThat(acks.committable()).isEqualTo(PartitionAcks.CHUNK_SIZE);

        for (int i = 0; i < PartitionAcks.CHUNK_SIZE; i++) {
            delivered.get(i).acknowledge();
        }
        acks.delivered(PartitionAcks.CHUNK_SIZE * 2L);

        assertThat(acks.committable()).isEqualTo(PartitionAcks.CHUNK_SIZE);
        assertThat(acks.unacknowledged()).isEqualTo(PartitionAcks.CHUNK_SIZE + 1);
    }

    @Test
    void randomAcknowledgementOrderMatchesDefinition() {
        Random random = new Random(7);
        PartitionAcks acks = new PartitionAcks();
        TreeSet<Long> pending = new TreeSet<>();
        List<Long> pendingOffsets = new ArrayList<>();
        List<Acknowledgement> pendingAcks = new ArrayList<>();
        long offset = 100;
        long nextOffset = -1;
        long committed = -1;

        for (int step = 0; step < 50_000; step++) {
            int action = random.nextInt(10);
            if (action < 5) {
                // Compacted topics and transaction markers leave gaps between offsets.
                offset += 1 + (random.nextInt(8) == 0 ? random.nextInt(5) : 0);
                pendingAcks.add(acks.delivered(offset));
                pendingOffsets.add(offset);
                pending.add(offset);
                nextOffset = offset + 1;
            } else if (action < 9 && !pendingAcks.isEmpty()) {
                int index = random.nextInt(pendingAcks.size());
                pendingAcks.remove(index).acknowledge();
                pending.remove(pendingOffsets.remove(index));
            } else {
                long expected = expectedCommittable(pending, nextOffset, committed);
                assertThat(acks.committable()).as("step %d", step).isEqualTo(expected);
                if (expected >= 0 && random.nextBoolean()) {
                    acks.committed(expected);
                    committed = expected;
                }
            }
            assertThat(acks.unacknowledged()).isEqualTo(pending.size());
        }
    }

    @Test
    void lowerOffsetAfterHigherStillHoldsCommit() {
        PartitionAcks acks = new PartitionAcks();
        Acknowledgement five = acks.delivered(5);
        Acknowledgement six = acks.delivered(6);
        Acknowledgement three = acks.delivered(3);

        five.acknowledge();
        assertThat(acks.committable()).isEqualTo(3);

        three.acknowledge();
        assertThat(acks.committable()).isEqualTo(6);

        six.acknowledge();
        assertThat(acks.committable()).isEqualTo(7);
    }

    @Test
    void acknowledgementsFromOtherThreadsAreSeen() throws Exception {
        PartitionAcks acks = new PartitionAcks();
        int count = PartitionAcks.CHUNK_SIZE * 20;
        List<Acknowledgement> delivered = new ArrayList<>();
        for (long offset = 0; offset < count; offset++) {
            delivered.add(acks.delivered(offset));
        }
        Collections.shuffle(delivered, new Random(3));
        int threads = 4;
        CountDownLatch done = new CountDownLatch(threads);
        AtomicBoolean failed = new AtomicBoolean();
        for (int t = 0; t < threads; t++) {
            int first = t;
            Thread.ofPlatform().start(() -> {
                try {
                    for (int i = first; i < count; i += threads) {
                        delivered.get(i).acknowledge();
                    }
                } catch (RuntimeException e) {
                    failed.set(true);
                } finally {
                    done.countDown();
                }
            });
        }

        long last = -1;
        while (done.getCount() > 0) {
            long committable = acks.committable();
            if (committable >= 0) {
                assertThat(committable).isGreaterThan(last);
                acks.committed(committable);
                last = committable;
            }
        }
        done.await();

        assertThat(failed).isFalse();
        long finalOffset = acks.committable();
        assertThat(finalOffset == -1 ? last : finalOffset).isEqualTo(count);
        assertThat(acks.unacknowledged()).isZero();
    }
}
