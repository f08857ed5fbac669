package io.dishtayantra.runtime.connector.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MessageProperties;
import io.dishtayantra.runtime.connector.codec.JsonPayloads;
import io.dishtayantra.runtime.connector.config.ConnectorConfig;
import io.dishtayantra.runtime.connector.resilience.ResilientPublisher;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Publishes persistent JSON messages with publisher confirms: a batch completes when the broker
 * confirmed every message of it. To a queue, messages go through the default exchange.
 */
final class RabbitPublisher extends ResilientPublisher {

    private static final AMQP.BasicProperties JSON = MessageProperties.PERSISTENT_BASIC.builder()
            .contentType("application/json").build();

    private final URI uri;
    private RabbitSettings settings;
    private Connection connection;
    private Channel channel;

    RabbitPublisher(URI uri) {
        this.uri = uri;
    }

    @Override
    protected String description() {
        return settings == null ? uri.toString() : settings.describe();
    }

    @Override
    protected void configure(ConnectorConfig config) {
        settings = RabbitSettings.from(uri, config);
    }

    @Override
    protected void connect() throws Exception {
        connection = settings.connectionFactory().newConnection(settings.addresses(),
                context.dagName() + "-" + context.componentName());
        channel = connection.createChannel();
        channel.confirmSelect();
        if (settings.kind().equals("queue") && settings.declare()) {
            channel.queueDeclare(settings.name(), true, false, false, Map.of());
        }
    }

    @Override
    protected void send(List<Map<String, Object>> batch) throws Exception {
        for (Map<String, Object> event : batch) {
            if (settings.kind().equals("queue")) {
                channel.basicPublish("", settings.name(), JSON, JsonPayloads.toBytes(event));
            } else {
                channel.basicPublish(settings.name(), routingKey(event), JSON, JsonPayloads.toBytes(event));
            }
        }
        channel.waitForConfirmsOrDie(resilience.deliveryTimeout().toMillis());
    }

    private String routingKey(Map<String, Object> event) {
        if (settings.routingKeyField() != null && event.get(settings.routingKeyField()) != null) {
            return String.valueOf(event.get(settings.routingKeyField()));
        }
        return settings.routingKey() == null ? "" : settings.routingKey();
    }

    @Override
    protected void disconnect() {
        Connection current = connection;
        connection = null;
        channel = null;
        if (current != null && current.isOpen()) {
            try {
                current.close(5000);
            } catch (IOException | RuntimeException e) {
                log.debug("Closing the RabbitMQ connection failed", e);
            }
        }
    }
}
