package io.dishtayantra.runtime.connector.nats;

import io.dishtayantra.runtime.connector.codec.JsonPayloads;
import io.dishtayantra.runtime.connector.config.ConnectorConfig;
import io.dishtayantra.runtime.connector.resilience.ResilientPublisher;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.api.PublishAck;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * With a JetStream {@code stream}, a batch completes when the stream acknowledged every message;
 * with core NATS, when the server replied to a flush after the batch (received, not stored).
 */
final class NatsPublisher extends ResilientPublisher {

    private final URI uri;
    private NatsSettings settings;
    private Connection connection;
    private JetStream jetStream;

    NatsPublisher(URI uri) {
        this.uri = uri;
    }

    @Override
    protected String description() {
        return settings == null ? uri.toString() : settings.describe();
    }

    @Override
    protected void configure(ConnectorConfig config) {
        settings = NatsSettings.from(uri, config);
    }

    @Override
    protected void connect() throws Exception {
        connection = NatsConnections.open(settings, context);
        if (settings.jetStream()) {
            NatsConnections.ensureStream(connection, settings);
            jetStream = connection.jetStream();
        }
    }

    @Override
    protected void send(List<Map<String, Object>> batch) throws Exception {
        if (jetStream != null) {
            List<CompletableFuture<PublishAck>> acks = new ArrayList<>();
            for (Map<String, Object> event : batch) {
                acks.add(jetStream.publishAsync(settings.subject(), JsonPayloads.toBytes(event)));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(resilience.deliveryTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        for (Map<String, Object> event : batch) {
            connection.publish(settings.subject(), JsonPayloads.toBytes(event));
        }
        connection.flush(java.time.Duration.ofSeconds(10));
    }

    @Override
    protected void disconnect() {
        NatsConnections.closeQuietly(connection);
        connection = null;
        jetStream = null;
    }
}
