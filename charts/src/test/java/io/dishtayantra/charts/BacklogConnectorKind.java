package io.dishtayantra.charts;

import io.dishtayantra.api.connector.ConnectorContext;
import io.dishtayantra.api.connector.EventSink;
import io.dishtayantra.api.connector.Publisher;
import io.dishtayantra.api.connector.Subscriber;
import io.dishtayantra.runtime.connector.ConnectorKind;

import java.net.URI;
import java.util.Map;
import java.util.Set;

/**
 * A test connector for {@code backlog://} URIs: a subscriber that connects, reports a fixed
 * backlog in the source and delivers nothing. Only connectors of real brokers such as Kafka know
 * their lag, so the metrics test uses this one to make the runtime export its lag gauge without
 * a broker. Found through META-INF/services in the test resources.
 */
public final class BacklogConnectorKind implements ConnectorKind {

    /** Events the subscriber reports as waiting in its source. */
    static final long BACKLOG = 7;

    @Override
    public Set<String> schemes() {
        return Set.of("backlog");
    }

    @Override
    public Subscriber createSubscriber(URI uri, Map<String, Object> config) {
        return new Subscriber() {
            @Override
            public void start(ConnectorContext context, EventSink sink) {
                context.health().connected();
                context.health().lag(BACKLOG);
            }

            @Override
            public void pause() {
            }

            @Override
            public void resume() {
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public Publisher createPublisher(URI uri, Map<String, Object> config) {
        throw new UnsupportedOperationException("backlog:// is a subscriber only; publish to mem:// or file:// instead");
    }
}
