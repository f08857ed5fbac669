package io.dishtayantra.runtime.window;

import io.dishtayantra.api.PluginMetrics;
import io.dishtayantra.api.connector.Acknowledgement;
import io.dishtayantra.api.connector.Completion;
import io.dishtayantra.api.connector.ConnectorContext;
import io.dishtayantra.api.connector.ConnectorHealth;
import io.dishtayantra.api.connector.EventSink;
import io.dishtayantra.api.connector.Publisher;
import io.dishtayantra.api.connector.Subscriber;
import io.dishtayantra.runtime.connector.ConnectorRegistry;
import io.dishtayantra.runtime.connector.mem.MemConnectorKind;
import io.dishtayantra.runtime.engine.ComponentMetrics;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Feeds and drains mem:// queues from a test through the real mem connector, as another DAG would. */
final class MemQueues {

    private static final MemConnectorKind MEM = new MemConnectorKind();

    /** Health reports of the test's own connectors are of no interest. */
    private static final ConnectorHealth HEALTH = new ConnectorHealth() {
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

    private MemQueues() {
    }

    /** Publishes events to a mem URI and waits until each is accepted. */
    static void publish(String uri, List<Map<String, Object>> events) throws Exception {
        Publisher publisher = MEM.createPublisher(ConnectorRegistry.parse(uri), Map.of());
        publisher.start(context(uri));
        AtomicLong failed = new AtomicLong();
        for (Map<String, Object> event : events) {
            publisher.publish(event, new Completion() {
                @Override
                public void succeeded() {
                }

                @Override
                public void failed(Throwable cause) {
                    failed.incrementAndGet();
                }
            });
        }
        publisher.close();
        if (failed.get() > 0) {
            throw new AssertionError(failed.get() + " events could not be published to " + uri);
        }
    }

    /** Subscribes to a mem URI and collects every event that arrives until closed. */
    static Collector collect(String uri) throws Exception {
        Subscriber subscriber = MEM.createSubscriber(ConnectorRegistry.parse(uri), Map.of());
        Collector collector = new Collector(subscriber);
        subscriber.start(context(uri), collector);
        return collector;
    }

    /** Events received from one mem URI. */
    static final class Collector implements EventSink, AutoCloseable {

        private final List<Map<String, Object>> events = new CopyOnWriteArrayList<>();
        private final Subscriber subscriber;

        Collector(Subscriber subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public void accept(Map<String, Object> event, Acknowledgement acknowledgement) {
            events.add(event);
            acknowledgement.acknowledge();
        }

        @Override
        public void reject(byte[] payload, String reason) {
            throw new AssertionError("unexpected rejection: " + reason);
        }

        List<Map<String, Object>> events() {
            return new ArrayList<>(events);
        }

        @Override
        public void close() {
            subscriber.close();
        }
    }

    private static ConnectorContext context(String uri) {
        return new ConnectorContext() {
            @Override
            public URI uri() {
                return ConnectorRegistry.parse(uri);
            }

            @Override
            public ConnectorHealth health() {
                return HEALTH;
            }

            @Override
            public String dagName() {
                return "window-test";
            }

            @Override
            public String componentName() {
                return uri;
            }

            @Override
            public Map<String, Object> config() {
                return Map.of();
            }

            @Override
            public Logger logger() {
                return LoggerFactory.getLogger("window-test");
            }

            @Override
            public PluginMetrics metrics() {
                return new ComponentMetrics();
            }

            @Override
            public Path baseDirectory() {
                return Path.of(".");
            }
        };
    }
}
