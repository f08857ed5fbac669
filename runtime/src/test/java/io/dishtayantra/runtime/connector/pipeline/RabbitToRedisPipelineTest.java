package io.dishtayantra.runtime.connector.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.MessageProperties;
import io.dishtayantra.runtime.connector.testing.ChildRuntime;
import io.dishtayantra.runtime.connector.testing.Manifests;
import io.dishtayantra.runtime.connector.testing.RedisTestServer;
import io.dishtayantra.runtime.connector.testing.Servers;
import io.dishtayantra.runtime.engine.DagInstance;
import io.dishtayantra.runtime.engine.Engine;
import io.dishtayantra.runtime.engine.EngineServices;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RabbitMQ to a DAG to a Redis list through the real engine, against the RabbitMQ on
 * DISHTAYANTRA_TEST_RABBITMQ and the Redis on DISHTAYANTRA_TEST_REDIS.
 */
class RabbitToRedisPipelineTest {

    private static final String RABBIT = Servers.address("DISHTAYANTRA_TEST_RABBITMQ", "127.0.0.1:5672");
    private static final String REDIS = Servers.address("DISHTAYANTRA_TEST_REDIS", "redis://127.0.0.1:6379");
    private static Connection rabbit;
    private static RedisClient redisClient;
    private static StatefulRedisConnection<String, String> redisConnection;
    private static RedisCommands<String, String> redis;

    @BeforeAll
    static void connect() throws Exception {
        String[] hostPort = RABBIT.split(":");
        Servers.requireListening("RabbitMQ", hostPort[0], Integer.parseInt(hostPort[1]), "DISHTAYANTRA_TEST_RABBITMQ");
        Servers.requireListening("Redis", URI.create(REDIS), 6379, "DISHTAYANTRA_TEST_REDIS");
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(hostPort[0]);
        factory.setPort(Integer.parseInt(hostPort[1]));
        rabbit = factory.newConnection();
        redisClient = RedisClient.create(REDIS);
        redisConnection = redisClient.connect();
        redis = redisConnection.sync();
    }

    @AfterAll
    static void disconnect() throws Exception {
        rabbit.close();
        redisConnection.close();
        redisClient.shutdown();
    }

    private static String manifest(String name, String queue, String list) {
        return manifest(name, queue, list, REDIS);
    }

    private static String manifest(String name, String queue, String list, String redisServer) {
        return """
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: %s}
                spec:
                  subscribers:
                    - name: orders
                      uri: rabbitmq://queue/%s
                      config: {addresses: ["%s"], prefetch: 500}
                  publishers:
                    - name: ready
                      uri: redis://list/%s
                      config: {server: "%s"}
                  calculators:
                    - name: tag
                      type: ApplyDefaults
                      config: {defaults: {source: rabbitmq}}
                  nodes:
                    - {name: receive, type: Subscription, subscriber: orders}
                    - {name: mark, type: Calculation, calculator: tag}
                    - {name: store, type: Publication, publishers: [ready]}
                  edges: [{from: receive, to: mark}, {from: mark, to: store}]
                """.formatted(name, queue, RABBIT, list, redisServer);
    }

    private static void fillQueue(String queue, int total) throws Exception {
        try (Channel channel = rabbit.createChannel()) {
            channel.queueDeclare(queue, true, false, false, Map.of());
            channel.confirmSelect();
            for (int i = 0; i < total; i++) {
                channel.basicPublish("", queue, MessageProperties.PERSISTENT_BASIC,
                        ("{\"id\":" + i + "}").getBytes(StandardCharsets.UTF_8));
            }
            channel.waitForConfirmsOrDie(30_000);
        }
    }

    private static long queueDepth(String queue) throws Exception {
        try (Channel channel = rabbit.createChannel()) {
            return channel.queueDeclarePassive(queue).getMessageCount();
        }
    }

    private static void deleteQueue(String queue) throws Exception {
        try (Channel channel = rabbit.createChannel()) {
            channel.queueDelete(queue);
        }
    }

    /** Counts how often each id is in the list. */
    private static Map<Integer, Integer> idCounts(String list) {
        Map<Integer, Integer> counts = new HashMap<>();
        List<String> values = redis.lrange(list, 0, -1);
        for (String value : values) {
            int start = value.indexOf("\"id\":") + 5;
            int end = start;
            while (end < value.length() && Character.isDigit(value.charAt(end))) {
                end++;
            }
            counts.merge(Integer.parseInt(value.substring(start, end)), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void tenThousandEventsRabbitDagRedisNoneLost() throws Exception {
        int total = 10_000;
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String queue = "pipe-orders-" + suffix;
        String list = "dy-test:pipe-ready:" + suffix;
        fillQueue(queue, total);
        try (Engine engine = new Engine(EngineServices.fromClassPath().withStopTimeout(Duration.ofSeconds(10)))) {
            DagInstance dag = engine.deploy(Manifests.dag(manifest("rabbit-redis", queue, list)), Path.of("."));
            dag.start();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> redis.llen(list) >= total);
            await().atMost(Duration.ofSeconds(20)).until(() -> queueDepth(queue) == 0);
            dag.stop();
            Map<Integer, Integer> counts = idCounts(list);
            assertThat(counts).hasSize(total);
            assertThat(redis.lindex(list, 0)).contains("\"source\":\"rabbitmq\"");
            System.out.printf("RabbitMQ -> DAG -> Redis: %d events, %d list entries (%d duplicates)%n",
                    total, redis.llen(list), redis.llen(list) - total);
        } finally {
            deleteQueue(queue);
            redis.del(list);
        }
    }

    @Test
    void killedRuntimeRestartsWithoutLoss(@TempDir Path folder) throws Exception {
        int total = 5_000;
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String queue = "kill-orders-" + suffix;
        String list = "dy-test:kill-ready:" + suffix;
        Path manifest = folder.resolve("rabbit-kill.yaml");
        Files.writeString(manifest, manifest("rabbit-kill", queue, list), StandardCharsets.UTF_8);
        fillQueue(queue, total);
        try {
            try (ChildRuntime first = new ChildRuntime(manifest, folder.resolve("first.log"), Map.of())) {
                first.start();
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(10))
                        .failFast("the runtime exited", () -> !first.alive())
                        .until(() -> redis.llen(list) >= 1_000);
                first.kill();
            }
            long beforeRestart = redis.llen(list);
            assertThat(beforeRestart).as("killed mid-stream").isLessThan(total);

            try (ChildRuntime second = new ChildRuntime(manifest, folder.resolve("second.log"), Map.of())) {
                second.start();
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                        .failFast("the runtime exited", () -> !second.alive())
                        .until(() -> idCounts(list).size() == total && queueDepth(queue) == 0);
            }
            Map<Integer, Integer> counts = idCounts(list);
            assertThat(counts).hasSize(total);
            long entries = redis.llen(list);
            System.out.printf("RabbitMQ kill -9 after %d events: %d distinct of %d, %d entries (%d duplicates)%n",
                    beforeRestart, counts.size(), total, entries, entries - total);
        } finally {
            deleteQueue(queue);
            redis.del(list);
        }
    }

    @Test
    void redisRestartUnderLoadDagRecoversByItself() throws Exception {
        int total = 5_000;
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String queue = "restart-orders-" + suffix;
        fillQueue(queue, total);
        try (RedisTestServer server = new RedisTestServer();
                Engine engine = new Engine(EngineServices.fromClassPath().withStopTimeout(Duration.ofSeconds(10)))) {
            server.start();
            RedisClient privateClient = RedisClient.create(server.uri());
            try (StatefulRedisConnection<String, String> privateConnection = privateClient.connect()) {
                RedisCommands<String, String> privateRedis = privateConnection.sync();
                DagInstance dag = engine.deploy(Manifests.dag(manifest("redis-restart", queue, "ready", server.uri())),
                        Path.of("."));
                dag.start();
                await().atMost(Duration.ofSeconds(60)).until(() -> privateRedis.llen("ready") >= 1_000);
            }
            server.kill();
            DagInstance dag = engine.get("redis-restart").orElseThrow();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !dag.snapshot().publishers().getFirst().health().connected());
            String reason = dag.snapshot().publishers().getFirst().health().reason();
            long depthDuringOutage = queueDepth(queue);
            Thread.sleep(1500);
            server.start();
            try (StatefulRedisConnection<String, String> privateConnection = privateClient.connect()) {
                RedisCommands<String, String> privateRedis = privateConnection.sync();
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                        .until(() -> privateRedis.llen("ready") >= total && queueDepth(queue) == 0);
                Map<Integer, Integer> counts = new HashMap<>();
                for (String value : privateRedis.lrange("ready", 0, -1)) {
                    counts.merge(Integer.parseInt(value.replaceAll("\\D*(\\d+).*", "$1")), 1, Integer::sum);
                }
                assertThat(counts).hasSize(total);
                await().atMost(Duration.ofSeconds(30)).until(() -> dag.snapshot().publishers().getFirst().health().connected());
                System.out.printf("Redis restart under a DAG: %d distinct of %d, %d entries; publisher reported '%s';"
                        + " %d events waited in RabbitMQ during the outage%n",
                        counts.size(), total, privateRedis.llen("ready"), reason, depthDuringOutage);
            }
            privateClient.shutdown();
            assertThat(reason).isNotBlank();
        } finally {
            deleteQueue(queue);
        }
    }

    @Test
    void poisonMessageDeadLettered() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String queue = "poison-orders-" + suffix;
        String list = "dy-test:poison-ready:" + suffix;
        String deadLetters = "dy-test:poison-dead:" + suffix;
        String deadLetterPublisher = "    - name: dead\n      uri: redis://list/" + deadLetters + "\n"
                + "      config: {server: \"" + REDIS + "\"}\n  deadLetter: dead\n";
        String yaml = manifest("rabbit-poison", queue, list).replace("  calculators:", deadLetterPublisher + "  calculators:");
        try (Channel channel = rabbit.createChannel()) {
            channel.queueDeclare(queue, true, false, false, Map.of());
            channel.basicPublish("", queue, null, "{\"id\":1}".getBytes(StandardCharsets.UTF_8));
            channel.basicPublish("", queue, null, "<order id=2/>".getBytes(StandardCharsets.UTF_8));
            channel.basicPublish("", queue, null, "{\"id\":3}".getBytes(StandardCharsets.UTF_8));
        }
        try (Engine engine = new Engine(EngineServices.fromClassPath().withStopTimeout(Duration.ofSeconds(10)))) {
            engine.deploy(Manifests.dag(yaml), Path.of(".")).start();
            await().atMost(Duration.ofSeconds(30)).until(() -> redis.llen(list) == 2 && redis.llen(deadLetters) == 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> queueDepth(queue) == 0);
            assertThat(idCounts(list)).containsOnlyKeys(1, 3);
            assertThat(redis.lindex(deadLetters, 0)).contains("<order id=2/>").contains("UnparseablePayload");
        } finally {
            deleteQueue(queue);
            redis.del(list, deadLetters);
        }
    }
}
