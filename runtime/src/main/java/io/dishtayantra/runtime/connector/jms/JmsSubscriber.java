package io.dishtayantra.runtime.connector.jms;

import io.dishtayantra.runtime.connector.codec.JsonPayloads;
import io.dishtayantra.runtime.connector.config.ConnectorConfig;
import io.dishtayantra.runtime.connector.resilience.ResilientSubscriber;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Receives from a JMS queue or topic (a durable subscription by default) on the subscriber's
 * thread, which also performs every acknowledgement, because JMS sessions are single-threaded.
 * Text, bytes and map messages are read; other message types are rejected.
 *
 * <p>In {@code client} mode, {@link Message#acknowledge()} acknowledges everything the session
 * received, so the subscriber receives a window of at most {@code batchSize} messages and
 * acknowledges it once every message of the window is done. In {@code individual} mode
 * (ActiveMQ) each message is acknowledged by itself.
 */
final class JmsSubscriber extends ResilientSubscriber {

    private final URI uri;
    private JmsSettings settings;
    private Connection connection;
    private Session session;
    private MessageConsumer consumer;
    private volatile boolean lost;
    private final ConcurrentLinkedQueue<Message> acknowledged = new ConcurrentLinkedQueue<>();
    private final List<Message> window = new ArrayList<>();
    private int windowAcknowledged;

    JmsSubscriber(URI uri) {
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
        lost = false;
        acknowledged.clear();
        window.clear();
        windowAcknowledged = 0;
        boolean durableTopic = settings.kind().equals("topic") && settings.durable();
        String subscription = settings.subscriptionName() != null ? settings.subscriptionName()
                : context.dagName() + "-" + context.componentName();
        connection = JmsConnections.open(settings, durableTopic ? subscription : null);
        connection.setExceptionListener(error -> {
            lost = true;
            errors.warn("JMS connection of " + description() + " failed", error);
        });
        int mode = settings.acknowledge().equals("individual")
                ? JmsSettings.ACTIVEMQ_INDIVIDUAL_ACKNOWLEDGE : Session.CLIENT_ACKNOWLEDGE;
        session = connection.createSession(false, mode);
        Destination destination = settings.kind().equals("queue")
                ? session.createQueue(settings.name()) : session.createTopic(settings.name());
        consumer = durableTopic
                ? session.createDurableSubscriber((Topic) destination, subscription, settings.selector(), false)
                : session.createConsumer(destination, settings.selector());
        connection.start();
    }

    @Override
    protected void consume() throws Exception {
        boolean individual = settings.acknowledge().equals("individual");
        while (running()) {
            if (lost) {
                throw new JMSException("connection lost");
            }
            applyAcknowledgements(individual);
            if (paused() || (!individual && window.size() >= resilience.batchSize())) {
                Thread.sleep(10);
                continue;
            }
            Message message = consumer.receive(100);
            if (message == null) {
                continue;
            }
            if (!individual) {
                window.add(message);
            }
            deliver(message);
        }
        applyAcknowledgements(individual);
    }

    private void deliver(Message message) throws JMSException, InterruptedException {
        io.dishtayantra.api.connector.Acknowledgement acknowledgement = () -> acknowledged.add(message);
        switch (message) {
            case TextMessage text -> JsonPayloads.deliver(
                    text.getText() == null ? new byte[0] : text.getText().getBytes(StandardCharsets.UTF_8), sink, acknowledgement);
            case BytesMessage bytes -> {
                byte[] body = new byte[(int) bytes.getBodyLength()];
                bytes.readBytes(body);
                JsonPayloads.deliver(body, sink, acknowledgement);
            }
            case MapMessage map -> {
                Map<String, Object> event = new LinkedHashMap<>();
                Enumeration<?> names = map.getMapNames();
                while (names.hasMoreElements()) {
                    String name = (String) names.nextElement();
                    event.put(name, map.getObject(name));
                }
                sink.accept(event, acknowledgement);
            }
            default -> {
                sink.reject(String.valueOf(message).getBytes(StandardCharsets.UTF_8),
                        "unsupported JMS message type " + message.getClass().getSimpleName()
                                + "; send text, bytes or map messages");
                acknowledgement.acknowledge();
            }
        }
    }

    /** Acknowledges what the DAG finished; runs on the subscriber thread. */
    private void applyAcknowledgements(boolean individual) throws JMSException {
        Message message;
        while ((message = acknowledged.poll()) != null) {
            if (individual) {
                message.acknowledge();
            } else {
                windowAcknowledged++;
            }
        }
        if (!individual && !window.isEmpty() && windowAcknowledged == window.size()) {
            window.getLast().acknowledge();
            window.clear();
            windowAcknowledged = 0;
        }
    }

    @Override
    protected void disconnect() {
        JmsConnections.closeQuietly(connection);
        connection = null;
        session = null;
        consumer = null;
    }
}
