package io.dishtayantra.runtime.engine;

import io.dishtayantra.api.connector.Completion;
import io.dishtayantra.api.connector.ConnectorHealth;
import io.dishtayantra.api.connector.EventSink;
import io.dishtayantra.api.connector.Publisher;
import io.dishtayantra.api.connector.Subscriber;
import io.dishtayantra.api.PluginMetrics;
import io.dishtayantra.api.connector.ConnectorContext;
import io.dishtayantra.api.connector.Acknowledgement;
import io.dishtayantra.runtime.connector.ConnectorRegistry;
import io.dishtayantra.runtime.connector.mem.MemConnectorKind;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds and reads mem:// queues from a test through the real mem connector, as another DAG would.
 */
final class MemTestQueues {

    private static final MemConnectorKind MEM = new MemConnectorKind();

    private MemTestQueues() {
    }

    /** Publishes events to a mem URI, as a DAG's publisher would. */
    static void publish(String uri, List<Map<String, Object>> events) throws Exception {
        Publisher publisher = MEM.createPublisher(ConnectorRegistry.parse(uri), Map.of());
        publisher.start(context(uri));
        for (Map<String, Object> event : events) {
            publisher.publish(event, new Completion() {
                @Override
                public void succeeded() {
                }

                @Override
                public void failed(Throwable cause) {
                    throw new AssertionError(cause);
                }
            });
        }
        publisher.close();
    }

    /** Subscribes to a mem URI and collects everything that arrives, until closed. */
    static Collector collect(String uri) throws Exception {
        Subscriber subscriber = MEM.createSubscriber(ConnectorRegistry.parse(uri), Map.of());
        Collector collector = new Collector(subscriber);
        subscriber.start(context(uri), collector);
        return collector;
    }

    static final class Collector implements EventSink, AutoCloseable {

        final List<Map<String, Object>> events = new CopyOnWriteArrayList<>();
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

    static ConnectorContext context(String uri) {
        return new ConnectorContext() {
            @Override
            public URI uri() {
                return ConnectorRegistry.parse(uri);
            }

            @Override
            public ConnectorHealth health() {
                return new ConnectorHealthState();
            }

            @Override
            public String dagName() {
                return "test";
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
                return LoggerFactory.getLogger("test");
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
