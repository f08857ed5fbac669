package io.dishtayantra.runtime.connector.mem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dishtayantra.api.PluginMetrics;
import io.dishtayantra.api.connector.Acknowledgement;
import io.dishtayantra.api.connector.Completion;
import io.dishtayantra.api.connector.ConnectorContext;
import io.dishtayantra.api.connector.ConnectorHealth;
import io.dishtayantra.api.connector.EventSink;
import io.dishtayantra.api.connector.Publisher;
import io.dishtayantra.api.connector.Subscriber;
import io.dishtayantra.runtime.connector.ConnectorRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class MemConnectorTest {

    private final MemBroker broker = new MemBroker();
    private final MemConnectorKind kind = new MemConnectorKind(broker);

    private static final Completion IGNORE = new Completion() {
        @Override
        public void succeeded() {
        }

        @Override
        public void failed(Throwable cause) {
        }
    };

    /** Collects what a subscriber delivers. */
    private static final class Sink implements EventSink {
        final List<Map<String, Object>> events = new CopyOnWriteArrayList<>();

        @Override
        public void accept(Map<String, Object> event, Acknowledgement acknowledgement) {
            events.add(event);
        }

        @Override
        public void reject(byte[] payload, String reason) {
        }
    }

    private static ConnectorContext context(String uri) {
        ConnectorHealth health = new ConnectorHealth() {
            @Override
            public void connected() {
            }

            @Override
            public void disconnected(String reason) {
            }

            @Override
            public void reconnecting(int attempt) {
            }
        };
        return new ConnectorContext() {
            @Override
            public URI uri() {
                return URI.create(uri);
            }

            @Override
            public ConnectorHealth health() {
                return health;
            }

            @Override
            public String dagName() {
                return "memtest";
            }

            @Override
            public String componentName() {
                return "component";
            }

            @Override
            public Map<String, Object> config() {
                return Map.of();
            }

            @Override
            public Logger logger() {
                return LoggerFactory.getLogger(MemConnectorTest.class);
            }

            @Override
            public PluginMetrics metrics() {
                return null;
            }

            @Override
            public Path baseDirectory() {
                return Path.of(".");
            }
        };
    }

    private Subscriber subscribe(String uri, Sink sink) throws Exception {
        Subscriber subscriber = kind.createSubscriber(URI.create(uri), Map.of());
        subscriber.start(context(uri), sink);
        return subscriber;
    }

    private Publisher publisher(String uri, Map<String, Object> config) throws Exception {
        Publisher publisher = kind.createPublisher(URI.create(uri), config);
        publisher.start(context(uri));
        return publisher;
    }

    @Test
    void queueDeliversEachEventToOneSubscriber() throws Exception {
        Sink first = new Sink();
        Sink second = new Sink();
        Subscriber a = subscribe("mem://queue/work", first);
        Subscriber b = subscribe("mem://queue/work", second);
        Publisher publisher = publisher("mem://queue/work", Map.of());

        for (int i = 0; i < 200; i++) {
            publisher.publish(Map.of("id", i), IGNORE);
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> first.events.size() + second.events.size() == 200);
        List<Object> ids = new java.util.ArrayList<>();
        first.events.forEach(event -> ids.add(event.get("id")));
        second.events.forEach(event -> ids.add(event.get("id")));
        assertThat(ids).hasSize(200).doesNotHaveDuplicates();
        a.close();
        b.close();
    }

    @Test
    void topicDeliversEachEventToEverySubscriber() throws Exception {
        Sink first = new Sink();
        Sink second = new Sink();
        Subscriber a = subscribe("mem://topic/news", first);
        Subscriber b = subscribe("mem://topic/news", second);
        Publisher publisher = publisher("mem://topic/news", Map.of());

        for (int i = 0; i < 50; i++) {
            publisher.publish(Map.of("id", i), IGNORE);
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> first.events.size() == 50 && second.events.size() == 50);
        assertThat(first.events).isEqualTo(second.events);
        a.close();
        b.close();
    }

    @Test
    void fullQueueBlocksPublisherInsteadOfDropping() throws Exception {
        Publisher publisher = publisher("mem://queue/full", Map.of("capacity", 3));
        AtomicInteger published = new AtomicInteger();
        Thread producer = Thread.ofPlatform().start(() -> {
            try {
                for (int i = 0; i < 5; i++) {
                    publisher.publish(Map.of("id", i), IGNORE);
                    published.incrementAndGet();
                }
            } catch (Exception e) {
                Thread.currentThread().interrupt();
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> producer.getState() == Thread.State.WAITING);
        assertThat(published.get()).isEqualTo(3);
        assertThat(broker.queueDepth("full")).isEqualTo(3);

        Sink sink = new Sink();
        Subscriber subscriber = subscribe("mem://queue/full", sink);

        await().atMost(Duration.ofSeconds(5)).until(() -> sink.events.size() == 5);
        assertThat(sink.events).extracting(event -> event.get("id")).containsExactly(0, 1, 2, 3, 4);
        subscriber.close();
    }

    @Test
    void pausedSubscriberLeavesEventsInQueue() throws Exception {
        Sink sink = new Sink();
        Subscriber subscriber = subscribe("mem://queue/paused", sink);
        subscriber.pause();
        Publisher publisher = publisher("mem://queue/paused", Map.of());

        publisher.publish(Map.of("id", 1), IGNORE);
        Thread.sleep(300);
        assertThat(sink.events).isEmpty();
        assertThat(broker.queueDepth("paused")).isEqualTo(1);

        subscriber.resume();
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.events.size() == 1);
        subscriber.close();
    }

    @Test
    void invalidUriAndConfigAreReported() {
        assertThat(kind.validate(ConnectorRegistry.parse("mem://bucket/x"), Map.of("capacity", 0), true, "spec.subscribers[0]"))
                .extracting(Object::toString)
                .containsExactly(
                        "spec.subscribers[0].uri (mem://bucket/x): Invalid mem URI 'mem://bucket/x'; write mem://queue/NAME "
                                + "(each event to one subscriber) or mem://topic/NAME (each event to every subscriber).",
                        "spec.subscribers[0].config.capacity (0): Expected a whole number from 1 to 2147483647.");
    }
}
