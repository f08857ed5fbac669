package io.dishtayantra.runtime.connector.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dishtayantra.api.connector.Publisher;
import io.dishtayantra.api.connector.Subscriber;
import io.dishtayantra.runtime.connector.testing.CollectingSink;
import io.dishtayantra.runtime.connector.testing.RecordingCompletion;
import io.dishtayantra.runtime.connector.testing.RedisTestServer;
import io.dishtayantra.runtime.connector.testing.Servers;
import io.dishtayantra.runtime.connector.testing.TestConnectorContext;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against the Redis on DISHTAYANTRA_TEST_REDIS (default redis://127.0.0.1:6379) and a private redis-server. */
class RedisConnectorTest {

    private static final String SERVER = Servers.address("DISHTAYANTRA_TEST_REDIS", "redis://127.0.0.1:6379");
    private static RedisClient client;
    private static StatefulRedisConnection<String, String> connection;
    private static RedisCommands<String, String> redis;
    private final RedisConnectorKind kind = new RedisConnectorKind();

    @BeforeAll
    static void connect() {
        Servers.requireListening("Redis", URI.create(SERVER), 6379, "DISHTAYANTRA_TEST_REDIS");
        client = RedisClient.create(SERVER);
        connection = client.connect();
        redis = connection.sync();
    }

    @AfterAll
    static void disconnect() {
        connection.close();
        client.shutdown();
    }

    private static String unique(String prefix) {
        return "dy-test:" + prefix + ":" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Map<String, Object> config(String server, Object... extra) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("server", server);
        config.put("reconnectDelay", "100ms");
        config.put("reconnectMaxDelay", "1s");
        config.put("blockTimeout", "200ms");
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

    private static void publishAll(Publisher publisher, int from, int to) throws Exception {
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

    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    @Test
    void listRoundTripKeepsOrderAndEmptiesInflight() throws Exception {
        String list = unique("list");
        CollectingSink sink = CollectingSink.acknowledging();
        try (Subscriber subscriber = subscribe("redis://list/" + list, sink, config(SERVER));
                Publisher publisher = publisher("redis://list/" + list, config(SERVER))) {
            publishAll(publisher, 0, 200);
            await().atMost(Duration.ofSeconds(20)).until(() -> sink.events.size() == 200);
            await().atMost(Duration.ofSeconds(10)).until(() -> redis.llen(list + ":inflight:dag-in") == 0);
        } finally {
            redis.del(list, list + ":inflight:dag-in");
        }
        assertThat(sink.field("id")).containsExactlyElementsOf(range(0, 200));
    }

    @Test
    void pausedListSubscriberReportsLag() throws Exception {
        String list = unique("lag");
        redis.lpush(list, "{\"id\":1}", "{\"id\":2}", "{\"id\":3}");
        String uri = "redis://list/" + list;
        Map<String, Object> config = config(SERVER);
        TestConnectorContext context = TestConnectorContext.of("dag", "in", uri, config);
        CollectingSink sink = CollectingSink.acknowledging();
        context.health().lag = -1;
        try (Subscriber subscriber = kind.createSubscriber(URI.create(uri), config)) {
            subscriber.pause();
            subscriber.start(context, sink);
            await().atMost(Duration.ofSeconds(10)).until(() -> context.health().lag == 3);
            assertThat(sink.events).as("nothing taken while paused").isEmpty();
            subscriber.resume();
            await().atMost(Duration.ofSeconds(10)).until(() -> sink.events.size() == 3);
        } finally {
            redis.del(list, list + ":inflight:dag-in");
        }
    }

    @Test
    void listInflightEventsAreRedeliveredAfterCrash() throws Exception {
        String list = unique("crash");
        try (Publisher publisher = publisher("redis://list/" + list, config(SERVER))) {
            publishAll(publisher, 0, 10);
        }
        CollectingSink holding = CollectingSink.holding();
        try (Subscriber subscriber = subscribe("redis://list/" + list, holding, config(SERVER))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> holding.events.size() == 10);
            holding.events.clear();
        }
        assertThat(redis.llen(list + ":inflight:dag-in")).isEqualTo(10);

        CollectingSink second = CollectingSink.acknowledging();
        try (Subscriber subscriber = subscribe("redis://list/" + list, second, config(SERVER))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> second.events.size() == 10);
            await().atMost(Duration.ofSeconds(10)).until(() -> redis.llen(list + ":inflight:dag-in") == 0);
        } finally {
            redis.del(list, list + ":inflight:dag-in");
        }
        assertThat(second.field("id")).containsExactlyElementsOf(range(0, 10));
    }

    @Test
    void poisonListEntryRejectedQueueFlows() throws Exception {
        String list = unique("poison");
        redis.lpush(list, "{\"id\":1}", "<xml/>", "{\"id\":2}", "7");
        CollectingSink sink = CollectingSink.acknowledging();
        try (Subscriber subscriber = subscribe("redis://list/" + list, sink, config(SERVER))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> sink.events.size() == 3);
            await().atMost(Duration.ofSeconds(10)).until(() -> redis.llen(list + ":inflight:dag-in") == 0);
        } finally {
            redis.del(list, list + ":inflight:dag-in");
        }
        assertThat(sink.rejected).hasSize(1);
        assertThat(sink.events).containsExactly(Map.of("id", 1), Map.of("id", 2), Map.of("payload", 7));
    }

    @Test
    void channelRoundTrip() throws Exception {
        String channel = unique("channel");
        CollectingSink sink = CollectingSink.acknowledging();
        try (Subscriber subscriber = subscribe("redis://channel/" + channel, sink, config(SERVER));
                Publisher publisher = publisher("redis://channel/" + channel, config(SERVER))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> redis.pubsubNumsub(channel).get(channel) == 1);
            publishAll(publisher, 0, 50);
            await().atMost(Duration.ofSeconds(10)).until(() -> sink.events.size() == 50);
        }
        assertThat(sink.field("id")).containsExactlyElementsOf(range(0, 50));
    }

    @Test
    void streamRoundTripAcknowledgesEveryEntry() throws Exception {
        String stream = unique("stream");
        CollectingSink sink = CollectingSink.acknowledging();
        try (Publisher publisher = publisher("redis://stream/" + stream, config(SERVER))) {
            publishAll(publisher, 0, 30);
        }
        redis.xadd(stream, Map.of("plain", "fields"));
        try (Subscriber subscriber = subscribe("redis://stream/" + stream, sink, config(SERVER))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> sink.events.size() == 31);
            await().atMost(Duration.ofSeconds(10)).until(() -> redis.xpending(stream, "dag-in").getCount() == 0);
        } finally {
            redis.del(stream);
        }
        assertThat(sink.events.subList(0, 30)).extracting(event -> event.get("id")).containsExactlyElementsOf(range(0, 30));
        assertThat(sink.events.get(30)).isEqualTo(Map.of("plain", "fields"));
    }

    @Test
    void streamPendingEntriesAreRedeliveredAfterCrash() throws Exception {
        String stream = unique("pending");
        try (Publisher publisher = publisher("redis://stream/" + stream, config(SERVER))) {
            publishAll(publisher, 0, 8);
        }
        CollectingSink holding = CollectingSink.holding();
        try (Subscriber subscriber = subscribe("redis://stream/" + stream, holding, config(SERVER, "consumer", "c1"))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> holding.events.size() == 8);
        }
        assertThat(redis.xpending(stream, "dag-in").getCount()).isEqualTo(8);

        CollectingSink second = CollectingSink.acknowledging();
        try (Subscriber subscriber = subscribe("redis://stream/" + stream, second, config(SERVER, "consumer", "c1"))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> second.events.size() == 8);
            await().atMost(Duration.ofSeconds(10)).until(() -> redis.xpending(stream, "dag-in").getCount() == 0);
        } finally {
            redis.del(stream);
        }
        assertThat(second.field("id")).containsExactlyElementsOf(range(0, 8));
    }

    @Test
    void streamEntriesOfDeadConsumerAreClaimed() throws Exception {
        String stream = unique("claim");
        try (Publisher publisher = publisher("redis://stream/" + stream, config(SERVER))) {
            publishAll(publisher, 0, 5);
        }
        CollectingSink dead = CollectingSink.holding();
        try (Subscriber subscriber = subscribe("redis://stream/" + stream, dead, config(SERVER, "consumer", "pod-a"))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> dead.events.size() == 5);
        }
        Thread.sleep(300);
        CollectingSink survivor = CollectingSink.acknowledging();
        try (Subscriber subscriber = subscribe("redis://stream/" + stream, survivor,
                config(SERVER, "consumer", "pod-b", "claimIdle", "200ms"))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> survivor.events.size() == 5);
            await().atMost(Duration.ofSeconds(10)).until(() -> redis.xpending(stream, "dag-in").getCount() == 0);
        } finally {
            redis.del(stream);
        }
        assertThat(survivor.field("id")).containsExactlyElementsOf(range(0, 5));
    }

    @Test
    void serverRestartUnderLoadLosesNothing() throws Exception {
        int total = 2000;
        CollectingSink sink = CollectingSink.acknowledging();
        List<RecordingCompletion> completions = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (RedisTestServer server = new RedisTestServer()) {
            server.start();
            try (Subscriber subscriber = subscribe("redis://list/load", sink, config(server.uri()));
                    Publisher publisher = publisher("redis://list/load", config(server.uri(), "batchSize", 20))) {
                Thread producer = Thread.ofPlatform().start(() -> {
                    try {
                        for (int i = 0; i < total; i++) {
                            RecordingCompletion completion = new RecordingCompletion();
                            publisher.publish(Map.of("id", i), completion);
                            completions.add(completion);
                            if (i % 50 == 0) {
                                Thread.sleep(10);
                            }
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                await().atMost(Duration.ofSeconds(20)).until(() -> sink.events.size() > 200);
                server.kill();
                Thread.sleep(1000);
                server.start();
                producer.join(Duration.ofSeconds(60));
                publisher.flush();
                for (RecordingCompletion completion : completions) {
                    completion.await(60);
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> new HashSet<>(sink.field("id")).size() == total);
            }
        }
        System.out.printf("Redis restart: %d events received for %d sent (%d duplicates)%n",
                sink.events.size(), total, sink.events.size() - total);
    }
}
