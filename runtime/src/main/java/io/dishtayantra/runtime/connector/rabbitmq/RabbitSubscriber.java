package io.dishtayantra.runtime.connector.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import io.dishtayantra.runtime.connector.codec.JsonPayloads;
import io.dishtayantra.runtime.connector.config.ConnectorConfig;
import io.dishtayantra.runtime.connector.resilience.ResilientSubscriber;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Consumes a durable queue with manual acknowledgement: basicAck is sent when the DAG
 * acknowledges the event, and at most {@code prefetch} events are unacknowledged. For an
 * exchange, a durable queue named by {@code queue} (default {@code <dag>-<subscriber>}) is bound
 * with the URI's routing key. Pausing cancels the consumer; the broker keeps the messages.
 */
final class RabbitSubscriber extends ResilientSubscriber {

    private final URI uri;
    private RabbitSettings settings;
    private volatile Connection connection;
    private volatile Channel channel;
    private String queueName;
    private String consumerTag;
    private volatile CountDownLatch lost;
    private volatile ShutdownSignalException lostCause;

    RabbitSubscriber(URI uri) {
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
        lost = new CountDownLatch(1);
        lostCause = null;
        connection = settings.connectionFactory().newConnection(settings.addresses(),
                context.dagName() + "-" + context.componentName());
        connection.addShutdownListener(cause -> {
            if (!cause.isInitiatedByApplication()) {
                lostCause = cause;
            }
            lost.countDown();
        });
        channel = connection.createChannel();
        channel.basicQos(settings.prefetch());
        queueName = declareQueue(channel);
    }

    private String declareQueue(Channel channel) throws IOException {
        if (settings.kind().equals("queue")) {
            if (settings.declare()) {
                channel.queueDeclare(settings.name(), true, false, false, Map.of());
            }
            return settings.name();
        }
        String queue = settings.queue() != null ? settings.queue() : context.dagName() + "-" + context.componentName();
        if (settings.declare()) {
            channel.queueDeclare(queue, true, false, false, Map.of());
        }
        channel.queueBind(queue, settings.name(), settings.routingKey() == null ? "#" : settings.routingKey());
        return queue;
    }

    @Override
    protected void consume() throws Exception {
        boolean consuming = false;
        long nextLagReport = 0;
        while (running()) {
            if (System.nanoTime() - nextLagReport > 0) {
                context.health().lag(channel.messageCount(queueName));
                nextLagReport = System.nanoTime() + 1_000_000_000L;
            }
            if (!paused() && !consuming) {
                consumerTag = channel.basicConsume(queueName, false, new Delivery(channel));
                consuming = true;
            } else if (paused() && consuming) {
                channel.basicCancel(consumerTag);
                consuming = false;
            }
            if (lost.await(100, TimeUnit.MILLISECONDS)) {
                if (running()) {
                    throw new IOException("connection lost", lostCause);
                }
            }
        }
    }

    @Override
    protected void wakeUp() {
        CountDownLatch current = lost;
        if (current != null) {
            current.countDown();
        }
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

    /** Hands deliveries to the sink on the client's dispatch thread; blocking there is backpressure. */
    private final class Delivery extends DefaultConsumer {

        private final Channel owner;

        Delivery(Channel owner) {
            super(owner);
            this.owner = owner;
        }

        @Override
        public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
            long deliveryTag = envelope.getDeliveryTag();
            try {
                JsonPayloads.deliver(body, sink, () -> acknowledge(deliveryTag));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void acknowledge(long deliveryTag) {
            if (!owner.isOpen()) {
                // The channel this event came on is gone: the broker redelivers it.
                return;
            }
            try {
                owner.basicAck(deliveryTag, false);
            } catch (IOException | RuntimeException e) {
                errors.warn("basicAck on " + description() + " failed; the broker will redeliver the event", e);
            }
        }
    }
}
