package io.dishtayantra.runtime.engine;

import static io.dishtayantra.runtime.engine.DagFixtures.dag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dishtayantra.api.connector.Acknowledgement;
import io.dishtayantra.runtime.testplugins.ProbeConnectorKind;
import io.dishtayantra.runtime.testplugins.ProbePublisher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackpressureTest {

    private final Engine engine = new Engine(EngineServices.fromClassPath().withStopTimeout(Duration.ofSeconds(5)));

    @AfterEach
    void stopEngine() {
        engine.shutdown();
    }

    @Test
    void slowPublisherLosesNoEvent() throws Exception {
        DagInstance instance = engine.deploy(dag("""
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: slow}
                spec:
                  subscribers: [{name: in, uri: "mem://queue/slow-in", maxDepth: 5, config: {capacity: 5}}]
                  publishers: [{name: out, uri: "probe://slow-out", config: {delayMillis: 2}}]
                  nodes:
                    - {name: ingest, type: Subscription, subscriber: in}
                    - {name: emit, type: Publication, publishers: [out]}
                  edges: [{from: ingest, to: emit}]
                """), Path.of("."));
        instance.start();
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            events.add(Map.of("id", i));
        }
        AtomicInteger maxDepth = new AtomicInteger();
        Thread watcher = Thread.ofVirtual().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                maxDepth.accumulateAndGet(instance.snapshot().nodes().getFirst().queueDepth(), Math::max);
                Thread.onSpinWait();
            }
        });

        MemTestQueues.publish("mem://queue/slow-in", events);

        ProbePublisher out = ProbeConnectorKind.publisher("slow-out");
        await().atMost(Duration.ofSeconds(30)).until(() -> out.received.size() == 300);
        watcher.interrupt();
        assertThat(out.received).extracting(event -> event.get("id"))
                .isEqualTo(events.stream().map(event -> event.get("id")).toList());
        assertThat(maxDepth.get()).isBetween(1, 5);
    }

    @Test
    void fullQueueBlocksProducerUntilDrained() throws Exception {
        SubscriptionQueue queue = new SubscriptionQueue(2, 0);
        queue.consumer(new SubscriptionQueue.Consumer() {
            @Override
            public void wake() {
            }

            @Override
            public void rejected(SubscriptionQueue rejecting, byte[] payload, String reason) {
            }
        });
        queue.accept(Map.of("id", 1), Acknowledgement.NONE);
        queue.accept(Map.of("id", 2), Acknowledgement.NONE);
        Thread producer = Thread.ofPlatform().start(() -> {
            try {
                queue.accept(Map.of("id", 3), Acknowledgement.NONE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> producer.getState() == Thread.State.WAITING);
        assertThat(queue.size()).isEqualTo(2);

        @SuppressWarnings("unchecked")
        Map<String, Object>[] events = new Map[2];
        Acknowledgement[] acknowledgements = new Acknowledgement[2];
        assertThat(queue.drainTo(events, acknowledgements, 1)).isEqualTo(1);
        producer.join(5_000);

        assertThat(producer.isAlive()).isFalse();
        assertThat(queue.drainTo(events, acknowledgements, 2)).isEqualTo(2);
        assertThat(events[0]).isEqualTo(Map.of("id", 2));
        assertThat(events[1]).isEqualTo(Map.of("id", 3));
    }

    @Test
    void closedQueueReleasesBlockedProducer() throws Exception {
        SubscriptionQueue queue = new SubscriptionQueue(1, 0);
        queue.consumer(new SubscriptionQueue.Consumer() {
            @Override
            public void wake() {
            }

            @Override
            public void rejected(SubscriptionQueue rejecting, byte[] payload, String reason) {
            }
        });
        queue.accept(Map.of("id", 1), Acknowledgement.NONE);
        AtomicInteger interrupted = new AtomicInteger();
        Thread producer = Thread.ofPlatform().start(() -> {
            try {
                queue.accept(Map.of("id", 2), Acknowledgement.NONE);
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> producer.getState() == Thread.State.WAITING);

        queue.close();
        producer.join(5_000);

        assertThat(interrupted.get()).isEqualTo(1);
        assertThat(queue.size()).isEqualTo(1);
    }
}
