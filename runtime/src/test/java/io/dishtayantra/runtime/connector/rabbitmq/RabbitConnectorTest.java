package io.dishtayantra.runtime.connector.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.dishtayantra.api.connector.Publisher;
import io.dishtayantra.api.connector.Subscriber;
import io.dishtayantra.runtime.connector.testing.CollectingSink;
import io.dishtayantra.runtime.connector.testing.RecordingCompletion;
import io.dishtayantra.runtime.connector.testing.Servers;
import io.dishtayantra.runtime.connector.testing.TestConnectorContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Against the RabbitMQ on DISHTAYANTRA_TEST_RABBITMQ (default 127.0.0.1:5672, guest/guest). The
 * restart test stops and starts the broker application with rabbitmqctl and always starts it again.
 */
class RabbitConnectorTest {

    private static final String ADDRESS = Servers.address("DISHTAYANTRA_TEST_RABBITMQ", "127.0.0.1:5672");
    private static Connection admin;
    private final RabbitConnectorKind kind = new RabbitConnectorKind();
    private final List<String> queues = new ArrayList<>();

    @BeforeAll
    static void connect() throws Exception {
        String[] hostPort = ADDRESS.split(":");
        Servers.requireListening("RabbitMQ", hostPort[0], Integer.parseInt(hostPort[1]), "DISHTAYANTRA_TEST_RABBITMQ");
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(hostPort[0]);
        factory.setPort(Integer.parseInt(hostPort[1]));
        admin = factory.newConnection();
    }

    @AfterAll
    static void disconnect() throws Exception {
        if (admin != null && admin.isOpen()) {
            admin.close();
        }
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Map<String, Object> config(Object... extra) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("addresses", ADDRESS);
        config.put("reconnectDelay", "100ms");
        config.put("reconnectMaxDelay", "1s");
        for (int i = 0; i < extra.length; i += 2) {
            config.put((String) extra[i], extra[i + 1]);
        }
        return config;
    }

    private Subscriber subscribe(String uri, CollectingSink sink, Map<String, Object> config) throws Exception {
        Subscriber subscriber = kind.createSubscriber(URI.create(uri), config);
        subscriber.start(TestConnectorContext.of("dag", "in", uri, config), sink);
        return subscriber;
    }

    private Publisher publisher(String uri, Map<String, Object> config) throws Exception {
        Publisher publisher = kind.createPublisher(URI.create(uri), config);
        publisher.start(TestConnectorContext.of("dag", "out", uri, config));
        return publisher;
    }

    private void publishAll(Publisher publisher, int from, int to) throws Exception {
        List<RecordingCompletion> completions = new ArrayList<>();
        for (int i = from; i < to; i++) {
            RecordingCompletion completion = new RecordingCompletion();
            publisher.publish(Map.of("id", i), completion);
            completions.add(completion);
        }
        publisher.flush();
        for (RecordingCompletion completion : completions) {
            completion.await(30);
        }
    }

    private void deleteQueue(String queue) throws Exception {
        try (Channel channel = admin.createChannel()) {
            channel.queueDelete(queue);
        }
    }

    @Test
    void queueRoundTrip() throws Exception {
        String queue = unique("rt");
        CollectingSink sink = CollectingSink.acknowledging();
        try (Subscriber subscriber = subscribe("rabbitmq://queue/" + queue, sink, config("prefetch", 10));
                Publisher publisher = publisher("rabbitmq://queue/" + queue, config())) {
            publishAll(publisher, 0, 100);
            await().atMost(Duration.ofSeconds(20)).until(() -> sink.events.size() == 100);
        } finally {
            deleteQueue(queue);
        }
        assertThat(sink.field("id")).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 100).boxed().toList());
    }

    @Test
    void exchangeRoutesByKey() throws Exception {
        String exchange = unique("ex");
        String queue = unique("bound");
        try (Channel channel = admin.createChannel()) {
            channel.exchangeDeclare(exchange, "topic", false, true, Map.of());
        }
        CollectingSink sink = CollectingSink.acknowledging();
        try (Subscriber subscriber = subscribe("rabbitmq://exchange/" + exchange + "?routingKey=eu.*", sink,
                config("queue", queue));
                Publisher publisher = publisher("rabbitmq://exchange/" + exchange, config("routingKeyField", "region"))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> queueExists(queue));
            List<RecordingCompletion> completions = new ArrayList<>();
            for (String region : List.of("eu.fr", "us.ny", "eu.de")) {
                RecordingCompletion completion = new RecordingCompletion();
                publisher.publish(Map.of("region", region), completion);
                completions.add(completion);
            }
            for (RecordingCompletion completion : completions) {
                completion.await(10);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> sink.events.size() == 2);
        } finally {
            deleteQueue(queue);
        }
        assertThat(sink.field("region")).containsExactlyInAnyOrder("eu.fr", "eu.de");
    }

    private boolean queueExists(String queue) {
        try (Channel channel = admin.createChannel()) {
            channel.queueDeclarePassive(queue);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void poisonMessageRejectedQueueFlows() throws Exception {
        String queue = unique("poison");
        try (Channel channel = admin.createChannel()) {
            channel.queueDeclare(queue, true, false, false, Map.of());
            channel.basicPublish("", queue, null, "{broken".getBytes(StandardCharsets.UTF_8));
            channel.basicPublish("", queue, null, "\"plain text in quotes\"".getBytes(StandardCharsets.UTF_8));
            channel.basicPublish("", queue, null, "{\"id\":1}".getBytes(StandardCharsets.UTF_8));
        }
        CollectingSink sink = CollectingSink.acknowledging();
        try (Subscriber subscriber = subscribe("rabbitmq://queue/" + queue, sink, config("prefetch", 1))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> sink.events.size() == 2);
            await().atMost(Duration.ofSeconds(10)).until(() -> messageCount(queue) == 0);
        } finally {
            deleteQueue(queue);
        }
        assertThat(sink.rejected).hasSize(1);
        assertThat(sink.events).containsExactly(Map.of("payload", "plain text in quotes"), Map.of("id", 1));
    }

    private long messageCount(String queue) throws Exception {
        try (Channel channel = admin.createChannel()) {
            return channel.queueDeclarePassive(queue).getMessageCount();
        }
    }

    @Test
    void unacknowledgedEventsAreRedelivered() throws Exception {
        String queue = unique("held");
        CollectingSink holding = CollectingSink.holding();
        try (Publisher publisher = publisher("rabbitmq://queue/" + queue, config())) {
            publishAll(publisher, 0, 5);
        }
        try (Subscriber subscriber = subscribe("rabbitmq://queue/" + queue, holding, config())) {
            await().atMost(Duration.ofSeconds(10)).until(() -> holding.events.size() == 5);
        }
        CollectingSink second = CollectingSink.acknowledging();
        try (Subscriber subscriber = subscribe("rabbitmq://queue/" + queue, second, config())) {
            await().atMost(Duration.ofSeconds(10)).until(() -> second.events.size() == 5);
            await().atMost(Duration.ofSeconds(10)).until(() -> messageCount(queue) == 0);
        } finally {
            deleteQueue(queue);
        }
        assertThat(second.field("id")).containsExactlyElementsOf(holding.field("id"));
    }

    @Test
    void brokerRestartUnderLoadLosesNothing() throws Exception {
        String queue = unique("restart");
        int total = 1000;
        CollectingSink sink = CollectingSink.acknowledging();
        List<RecordingCompletion> completions = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Subscriber subscriber = subscribe("rabbitmq://queue/" + queue, sink, config());
                Publisher publisher = publisher("rabbitmq://queue/" + queue, config("batchSize", 20))) {
            Thread producer = Thread.ofPlatform().start(() -> {
                try {
                    for (int i = 0; i < total; i++) {
                        RecordingCompletion completion = new RecordingCompletion();
                        publisher.publish(Map.of("id", i), completion);
                        completions.add(completion);
                        if (i % 50 == 0) {
                            Thread.sleep(20);
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(20)).until(() -> sink.events.size() > 100);
            try {
                rabbitmqctl("stop_app");
                Thread.sleep(1000);
            } finally {
                rabbitmqctl("start_app");
            }
            producer.join(Duration.ofSeconds(120));
            publisher.flush();
            for (RecordingCompletion completion : completions) {
                completion.await(60);
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> new HashSet<>(sink.field("id")).size() == total);
        } finally {
            rabbitmqctl("start_app");
            await().atMost(Duration.ofSeconds(30)).until(RabbitConnectorTest::brokerAcceptsConnections);
            deleteQueue(queue);
        }
        System.out.printf("RabbitMQ restart: %d events received for %d sent (%d duplicates)%n",
                sink.events.size(), total, sink.events.size() - total);
    }

    private static boolean brokerAcceptsConnections() {
        try {
            if (!admin.isOpen()) {
                connect();
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static void rabbitmqctl(String command) throws Exception {
        Process process = new ProcessBuilder("rabbitmqctl", command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new AssertionError("rabbitmqctl " + command + " failed: " + output);
        }
    }
}
