package io.dishtayantra.runtime.connector.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dishtayantra.api.connector.Publisher;
import io.dishtayantra.api.connector.Subscriber;
import io.dishtayantra.runtime.connector.testing.CollectingSink;
import io.dishtayantra.runtime.connector.testing.RecordingCompletion;
import io.dishtayantra.runtime.connector.testing.ServerProcess;
import io.dishtayantra.runtime.connector.testing.Servers;
import io.dishtayantra.runtime.connector.testing.TestConnectorContext;
import io.nats.client.Connection;
import io.nats.client.Nats;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against the NATS server with JetStream on DISHTAYANTRA_TEST_NATS (default nats://127.0.0.1:4222). */
class NatsConnectorTest {

    private static final String SERVER = Servers.address("DISHTAYANTRA_TEST_NATS", "nats://127.0.0.1:4222");
    private final NatsConnectorKind kind = new NatsConnectorKind();

    @BeforeAll
    static void requireServer() {
        Servers.requireListening("NATS", URI.create(SERVER), 4222, "DISHTAYANTRA_TEST_NATS");
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Map<String, Object> config(Object... extra) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("servers", List.of(SERVER));
        config.put("fetchTimeout", "200ms");
        for (int i = 0; i < extra.length; i += 2) {
            config.put((String) extra[i], extra[i + 1]);
        }
        return config;
    }

    private Subscriber subscribe(String subject, CollectingSink sink, Map<String, Object> config) throws Exception {
        String uri = "nats://subject/" + subject;
        Subscriber subscriber = kind.createSubscriber(URI.create(uri), config);
        TestConnectorContext context = TestConnectorContext.of("dag", "in", uri, config);
        subscriber.start(context, sink);
        // Connected means subscribed: the subscriber reports it after the subscription is in place.
        await().atMost(Duration.ofSeconds(10)).until(() -> context.health().connected);
        return subscriber;
    }

    private Publisher publisher(String subject, Map<String, Object> config) throws Exception {
        String uri = "nats://subject/" + subject;
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

    private static void deleteStream(String stream) throws Exception {
        try (Connection connection = Nats.connect(SERVER)) {
            connection.jetStreamManagement().deleteStream(stream);
        }
    }

    @Test
    void coreSubjectRoundTrip() throws Exception {
        String subject = unique("core");
        CollectingSink sink = CollectingSink.acknowledging();
        try (Subscriber subscriber = subscribe(subject, sink, config());
                Publisher publisher = publisher(subject, config())) {
            publishAll(publisher, 30);
            await().atMost(Duration.ofSeconds(10)).until(() -> sink.events.size() == 30);
        }
        assertThat(sink.field("id")).containsExactlyElementsOf(IntStream.range(0, 30).boxed().map(i -> (Object) i).toList());
    }

    @Test
    void jetStreamDurableConsumerRedeliversUnacknowledged() throws Exception {
        String subject = unique("js");
        String stream = unique("STREAM").replace('-', '_');
        Map<String, Object> config = config("stream", stream, "ackWait", "1s");
        try {
            try (Publisher publisher = publisher(subject, config)) {
                publishAll(publisher, 10);
            }
            CollectingSink holding = CollectingSink.holding();
            try (Subscriber subscriber = subscribe(subject, holding, config)) {
                await().atMost(Duration.ofSeconds(10)).until(() -> holding.events.size() >= 10);
            }
            CollectingSink second = CollectingSink.acknowledging();
            try (Subscriber subscriber = subscribe(subject, second, config)) {
                await().atMost(Duration.ofSeconds(15)).until(() -> second.events.size() >= 10);
            }
            assertThat(second.field("id")).containsExactlyElementsOf(IntStream.range(0, 10).boxed().map(i -> (Object) i).toList());

            CollectingSink third = CollectingSink.acknowledging();
            try (Subscriber subscriber = subscribe(subject, third, config)) {
                Thread.sleep(1500);
            }
            assertThat(third.events).isEmpty();
        } finally {
            deleteStream(stream);
        }
    }

    @Test
    void poisonMessageIsRejectedAndAcknowledged() throws Exception {
        String subject = unique("poison");
        String stream = unique("POISON").replace('-', '_');
        Map<String, Object> config = config("stream", stream, "ackWait", "1s");
        try {
            CollectingSink sink = CollectingSink.acknowledging();
            try (Subscriber subscriber = subscribe(subject, sink, config)) {
                await().atMost(Duration.ofSeconds(10)).until(() -> streamExists(stream));
                try (Connection connection = Nats.connect(SERVER)) {
                    connection.jetStream().publish(subject, "nope{".getBytes(StandardCharsets.UTF_8));
                    connection.jetStream().publish(subject, "{\"id\":1}".getBytes(StandardCharsets.UTF_8));
                }
                await().atMost(Duration.ofSeconds(10)).until(() -> sink.events.size() == 1 && sink.rejected.size() == 1);
                Thread.sleep(1500);
            }
            assertThat(sink.rejected).hasSize(1);
            assertThat(sink.events).containsExactly(Map.of("id", 1));
        } finally {
            deleteStream(stream);
        }
    }

    private static boolean streamExists(String stream) {
        try (Connection connection = Nats.connect(SERVER)) {
            connection.jetStreamManagement().getStreamInfo(stream);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void serverRestartUnderLoadLosesNothing() throws Exception {
        int total = 1000;
        CollectingSink sink = CollectingSink.acknowledging();
        List<RecordingCompletion> completions = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (ServerProcess server = new ServerProcess("nats-server", port -> folder -> List.of("nats-server", "-a", "127.0.0.1", "-p", String.valueOf(port), "-js", "-sd", folder.toString()))) {
            
            server.start();
            Map<String, Object> config = config("servers", List.of("nats://127.0.0.1:" + server.port()), "stream", "RESTART", "ackWait", "5s", "reconnectDelay", "100ms", "deliveryTimeout", "1m");
            try (Subscriber subscriber = subscribe("restart.events", sink, config);
                    Publisher publisher = publisher("restart.events", config)) {
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
        System.out.printf("NATS JetStream restart: %d events received for %d sent (%d duplicates)%n",
                sink.events.size(), total, sink.events.size() - total);
    }
}
