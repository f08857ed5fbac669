package io.dishtayantra.runtime.connector.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dishtayantra.api.connector.Publisher;
import io.dishtayantra.api.connector.Subscriber;
import io.dishtayantra.runtime.connector.testing.CollectingSink;
import io.dishtayantra.runtime.connector.testing.RecordingCompletion;
import io.dishtayantra.runtime.connector.testing.ServerProcess;
import io.dishtayantra.runtime.connector.testing.Servers;
import io.dishtayantra.runtime.connector.testing.TestConnectorContext;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against the Mosquitto broker on DISHTAYANTRA_TEST_MQTT (default tcp://127.0.0.1:1883). */
class MqttConnectorTest {

    private static final String SERVER = Servers.address("DISHTAYANTRA_TEST_MQTT", "tcp://127.0.0.1:1883");
    private final MqttConnectorKind kind = new MqttConnectorKind();

    @BeforeAll
    static void requireServer() {
        Servers.requireListening("Mosquitto", URI.create(SERVER), 1883, "DISHTAYANTRA_TEST_MQTT");
    }

    private Map<String, Object> config(Object... extra) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("servers", List.of(SERVER));
        config.put("reconnectDelay", "100ms");
        for (int i = 0; i < extra.length; i += 2) {
            config.put((String) extra[i], extra[i + 1]);
        }
        return config;
    }

    private Subscriber subscribe(String topic, CollectingSink sink, Map<String, Object> config) throws Exception {
        String uri = "mqtt://topic/" + topic;
        Subscriber subscriber = kind.createSubscriber(URI.create(uri), config);
        TestConnectorContext context = TestConnectorContext.of("dag", "in", uri, config);
        subscriber.start(context, sink);
        // Connected means subscribed: the subscriber reports it after the subscription is in place.
        await().atMost(Duration.ofSeconds(10)).until(() -> context.health().connected);
        return subscriber;
    }

    private Publisher publisher(String topic, Map<String, Object> config) throws Exception {
        String uri = "mqtt://topic/" + topic;
        Publisher publisher = kind.createPublisher(URI.create(uri), config);
        publisher.start(TestConnectorContext.of("dag", "out", uri, config));
        return publisher;
    }

    private static void publishAll(Publisher publisher, int count) throws Exception {
        List<RecordingCompletion> completions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RecordingCompletion completion = new RecordingCompletion();
            publisher.publish(Map.of("id", i), completion);
            completions.add(completion);
        }
        publisher.flush();
        for (RecordingCompletion completion : completions) {
            completion.await(10);
        }
    }

    @Test
    void qos1RoundTripWithWildcard() throws Exception {
        String prefix = "dy-test/" + UUID.randomUUID().toString().substring(0, 8);
        CollectingSink sink = CollectingSink.acknowledging();
        Map<String, Object> subscriberConfig = config("clientId", "dy-" + UUID.randomUUID().toString().substring(0, 8),
                "cleanSession", true);
        try (Subscriber subscriber = subscribe(prefix + "/+/temp", sink, subscriberConfig);
                Publisher publisher = publisher(prefix + "/room1/temp", config())) {
            publishAll(publisher, 25);
            await().atMost(Duration.ofSeconds(10)).until(() -> sink.events.size() == 25);
        }
        assertThat(sink.field("id")).containsExactlyElementsOf(IntStream.range(0, 25).boxed().map(i -> (Object) i).toList());
    }

    @Test
    void persistentSessionKeepsMessagesWhileAway() throws Exception {
        String topic = "dy-test/" + UUID.randomUUID().toString().substring(0, 8);
        String clientId = "dy-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> subscriberConfig = config("clientId", clientId);
        CollectingSink first = CollectingSink.acknowledging();
        try (Subscriber subscriber = subscribe(topic, first, subscriberConfig)) {
            assertThat(first.events).isEmpty();
        }
        try (Publisher publisher = publisher(topic, config())) {
            publishAll(publisher, 10);
        }
        CollectingSink second = CollectingSink.acknowledging();
        try (Subscriber subscriber = subscribe(topic, second, subscriberConfig)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> second.events.size() == 10);
        } finally {
            clearSession(clientId);
        }
        assertThat(second.field("id")).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 10).boxed().map(i -> (Object) i).toList());
    }

    @Test
    void nonObjectPayloadIsWrapped() throws Exception {
        String topic = "dy-test/" + UUID.randomUUID().toString().substring(0, 8);
        CollectingSink sink = CollectingSink.acknowledging();
        try (Subscriber subscriber = subscribe(topic, sink, config("cleanSession", true,
                "clientId", "dy-" + UUID.randomUUID().toString().substring(0, 8)))) {
            MqttClient raw = new MqttClient(SERVER, MqttClient.generateClientId(), new MemoryPersistence());
            raw.connect();
            raw.publish(topic, "21.5".getBytes(), 1, false);
            raw.publish(topic, "garbage]".getBytes(), 1, false);
            raw.disconnect();
            raw.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> sink.events.size() == 1 && sink.rejected.size() == 1);
        }
        assertThat(sink.events).containsExactly(Map.of("payload", 21.5));
    }

    @Test
    void publisherTopicWithWildcardIsInvalid() {
        assertThat(kind.validate(URI.create("mqtt://topic/a/+"), Map.of(), false, "spec.publishers[0]"))
                .extracting(Object::toString)
                .containsExactly("spec.publishers[0].uri (mqtt://topic/a/+): A publisher's topic cannot contain the wildcards + or #.");
    }

    private static void clearSession(String clientId) throws Exception {
        MqttClient client = new MqttClient(SERVER, clientId, new MemoryPersistence());
        org.eclipse.paho.client.mqttv3.MqttConnectOptions options = new org.eclipse.paho.client.mqttv3.MqttConnectOptions();
        options.setCleanSession(true);
        client.connect(options);
        client.disconnect();
        client.close();
    }

    @Test
    void serverRestartUnderLoadLosesNothing() throws Exception {
        int total = 1000;
        CollectingSink sink = CollectingSink.acknowledging();
        List<RecordingCompletion> completions = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (ServerProcess server = new ServerProcess("mosquitto", port -> folder -> List.of("mosquitto", "-c", folder.resolve("mosquitto.conf").toString()))) {
            // Mosquitto started as root saves its sessions as the mosquitto user.
            java.nio.file.Files.setPosixFilePermissions(server.directory(),
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
            java.nio.file.Files.writeString(server.directory().resolve("mosquitto.conf"), "listener " + server.port() + " 127.0.0.1\n"
                    + "allow_anonymous true\npersistence true\npersistence_location " + server.directory() + "/\n"
                    + "max_queued_messages 0\n");
            server.start();
            Map<String, Object> config = config("servers", List.of("tcp://127.0.0.1:" + server.port()), "clientId", "dy-restart-" + UUID.randomUUID().toString().substring(0, 8), "reconnectMaxDelay", "1s");
            Map<String, Object> publisherConfig = new LinkedHashMap<>(config);
            publisherConfig.remove("clientId");
            try (Subscriber subscriber = subscribe("dy-test/restart", sink, config);
                    Publisher publisher = publisher("dy-test/restart", publisherConfig)) {
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
                server.stop();
                Thread.sleep(1000);
                server.start();
                producer.join(Duration.ofSeconds(60));
                publisher.flush();
                for (RecordingCompletion completion : completions) {
                    completion.await(60);
                }
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> new java.util.HashSet<>(sink.field("id")).size() == total);
            }
        }
        System.out.printf("MQTT restart: %d events received for %d sent (%d duplicates)%n",
                sink.events.size(), total, sink.events.size() - total);
    }
}
