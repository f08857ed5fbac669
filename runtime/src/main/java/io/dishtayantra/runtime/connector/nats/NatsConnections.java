package io.dishtayantra.runtime.connector.nats;

import io.dishtayantra.api.connector.ConnectorContext;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.io.IOException;

/**
 * Opens NATS connections that fail over across the configured servers and keep reconnecting
 * without limit, reporting every disconnect and reconnect to the connector's health.
 */
final class NatsConnections {

    private NatsConnections() {
    }

    static Connection open(NatsSettings settings, ConnectorContext context) throws IOException, InterruptedException {
        // The client reports DISCONNECTED again after every failed reconnect attempt: log the first only.
        java.util.concurrent.atomic.AtomicBoolean up = new java.util.concurrent.atomic.AtomicBoolean(true);
        Options.Builder options = new Options.Builder()
                .servers(settings.servers().toArray(String[]::new))
                .connectionName(context.dagName() + "-" + context.componentName())
                .maxReconnects(-1)
                .reconnectWait(settings.resilience().reconnectDelay())
                .connectionListener((connection, event) -> {
                    if (event == ConnectionListener.Events.DISCONNECTED && up.compareAndSet(true, false)) {
                        context.health().disconnected("NATS connection lost");
                        context.logger().warn("NATS connection lost; the client reconnects by itself");
                    } else if (event == ConnectionListener.Events.RECONNECTED && up.compareAndSet(false, true)) {
                        context.health().connected();
                        context.logger().info("NATS connection restored");
                    }
                });
        if (settings.token() != null) {
            options.token(settings.token().toCharArray());
        } else if (settings.username() != null) {
            options.userInfo(settings.username(), settings.password() == null ? "" : settings.password());
        }
        return Nats.connect(options.build());
    }

    /** Creates the stream for the subject when it does not exist. */
    static void ensureStream(Connection connection, NatsSettings settings) throws IOException, JetStreamApiException {
        if (!settings.createStream()) {
            return;
        }
        JetStreamManagement management = connection.jetStreamManagement();
        try {
            management.getStreamInfo(settings.stream());
        } catch (JetStreamApiException e) {
            if (e.getErrorCode() != 404) {
                throw e;
            }
            management.addStream(StreamConfiguration.builder()
                    .name(settings.stream())
                    .subjects(settings.subject())
                    .storageType(StorageType.File)
                    .build());
        }
    }

    static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // Closing a broken connection can fail; nothing is left to release.
            }
        }
    }
}
