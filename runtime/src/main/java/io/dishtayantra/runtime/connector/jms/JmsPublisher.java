package io.dishtayantra.runtime.connector.jms;

import io.dishtayantra.runtime.connector.codec.JsonPayloads;
import io.dishtayantra.runtime.connector.config.ConnectorConfig;
import io.dishtayantra.runtime.connector.resilience.ResilientPublisher;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Sends persistent text messages holding the event's JSON in a transacted session: a batch
 * completes when the provider committed it.
 */
final class JmsPublisher extends ResilientPublisher {

    private final URI uri;
    private JmsSettings settings;
    private Connection connection;
    private Session session;
    private MessageProducer producer;

    JmsPublisher(URI uri) {
        this.uri = uri;
    }

    @Override
    protected String description() {
        return settings == null ? uri.toString() : settings.describe();
    }

    @Override
    protected void configure(ConnectorConfig config) throws Exception {
        settings = JmsSettings.from(uri, config);
        if (config.problems().isEmpty()) {
            // A missing client jar or setter is a configuration error: fail the start, not every reconnect.
            JmsConnections.factory(settings.connectionFactory(), settings.factoryProperties());
        }
    }

    @Override
    protected void connect() throws Exception {
        connection = JmsConnections.open(settings, null);
        session = connection.createSession(true, Session.SESSION_TRANSACTED);
        producer = session.createProducer(settings.kind().equals("queue")
                ? session.createQueue(settings.name()) : session.createTopic(settings.name()));
        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
        connection.start();
    }

    @Override
    protected void send(List<Map<String, Object>> batch) throws Exception {
        try {
            for (Map<String, Object> event : batch) {
                producer.send(session.createTextMessage(JsonPayloads.toJson(event)));
            }
            session.commit();
        } catch (Exception e) {
            try {
                session.rollback();
            } catch (Exception rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
    }

    @Override
    protected void disconnect() {
        JmsConnections.closeQuietly(connection);
        connection = null;
        session = null;
        producer = null;
    }
}
