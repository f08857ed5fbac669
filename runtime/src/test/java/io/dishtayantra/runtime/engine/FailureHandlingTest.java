package io.dishtayantra.runtime.engine;

import static io.dishtayantra.runtime.engine.DagFixtures.dag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dishtayantra.runtime.testplugins.ProbeConnectorKind;
import io.dishtayantra.runtime.testplugins.ProbePublisher;
import io.dishtayantra.runtime.testplugins.ProbeSubscriber;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FailureHandlingTest {

    private final Engine engine = new Engine(EngineServices.fromClassPath().withStopTimeout(Duration.ofMillis(500)));

    @AfterEach
    void stopEngine() {
        engine.shutdown();
    }

    private DagInstance start(String name, String publisherConfig, String deadLetter) {
        DagInstance instance = engine.deploy(dag("""
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: %1$s}
                spec:
                  subscribers: [{name: in, uri: "probe://%1$s-in", maxDepth: 10}]
                  publishers:
                    - {name: out, uri: "probe://%1$s-out", config: %2$s}
                    - {name: dead, uri: "probe://%1$s-dead"}
                  calculators: [{name: odd, type: io.dishtayantra.runtime.testplugins.FailOnOdd}]
                  nodes:
                    - {name: ingest, type: Subscription, subscriber: in}
                    - {name: check, type: Calculation, calculator: odd}
                    - {name: emit, type: Publication, publishers: [out]}
                  edges: [{from: ingest, to: check}, {from: check, to: emit}]
                  %3$s
                """.formatted(name, publisherConfig, deadLetter == null ? "" : "deadLetter: " + deadLetter)), Path.of("."));
        instance.start();
        return instance;
    }

    private static void sendIds(ProbeSubscriber subscriber, int count) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            subscriber.send(Map.of("id", i));
        }
    }

    @Test
    void failingCalculatorIsCountedAndDagKeepsRunning() throws Exception {
        DagInstance instance = start("nodead", "{}", null);
        ProbeSubscriber in = ProbeConnectorKind.subscriber("nodead-in");

        sendIds(in, 10);

        await().atMost(Duration.ofSeconds(10)).until(() -> in.acknowledged.size() == 10);
        assertThat(ProbeConnectorKind.publisher("nodead-out").received).extracting(event -> event.get("id"))
                .containsExactly(0, 2, 4, 6, 8);
        NodeSnapshot check = instance.snapshot().nodes().get(1);
        assertThat(check.failed()).isEqualTo(5);
        assertThat(check.out()).isEqualTo(5);
        assertThat(check.lastErrors()).hasSize(5);
        assertThat(check.lastErrors().getLast().message()).isEqualTo("odd id 9");
        assertThat(check.state()).isEqualTo("failing");
        assertThat(instance.state()).isEqualTo(DagState.RUNNING);
    }

    @Test
    void failedEventGoesToDeadLetter() throws Exception {
        DagInstance instance = start("withdead", "{}", "dead");
        ProbeSubscriber in = ProbeConnectorKind.subscriber("withdead-in");

        sendIds(in, 4);

        await().atMost(Duration.ofSeconds(10)).until(() -> in.acknowledged.size() == 4);
        ProbePublisher dead = ProbeConnectorKind.publisher("withdead-dead");
        assertThat(dead.received).hasSize(2);
        Map<String, Object> letter = dead.received.getFirst();
        assertThat(letter).containsEntry("dag", "withdead").containsEntry("node", "check")
                .containsEntry("errorType", IllegalArgumentException.class.getName())
                .containsEntry("event", Map.of("id", 1))
                .containsKey("timestamp");
        assertThat((String) letter.get("error")).contains("calculator odd").contains("odd id 1");
        assertThat(instance.snapshot().eventsOut()).isEqualTo(2);
    }

    @Test
    void rejectedPayloadGoesToDeadLetter() throws Exception {
        DagInstance instance = start("rejects", "{}", "dead");
        ProbeSubscriber in = ProbeConnectorKind.subscriber("rejects-in");

        in.reject("{not json", "line 3 is not a JSON object");

        ProbePublisher dead = ProbeConnectorKind.publisher("rejects-dead");
        await().atMost(Duration.ofSeconds(10)).until(() -> dead.received.size() == 1);
        assertThat(dead.received.getFirst()).containsEntry("payload", "{not json")
                .containsEntry("errorType", "UnparseablePayload").containsEntry("node", "ingest");
        assertThat(instance.snapshot().nodes().getFirst().failed()).isEqualTo(1);
    }

    @Test
    void synchronousPublisherFailureIsRetriedUntilDelivered() throws Exception {
        DagInstance instance = start("retrysync", "{failAttempts: 4}", null);
        ProbeSubscriber in = ProbeConnectorKind.subscriber("retrysync-in");

        in.send(Map.of("id", 0));
        await().atMost(Duration.ofSeconds(5)).until(() -> ProbeConnectorKind.publisher("retrysync-out").attempts.get() >= 2);
        PublisherSnapshot failing = instance.snapshot().publishers().getFirst();
        assertThat(failing.circuit()).isEqualTo("open");
        assertThat(failing.lastError().message()).startsWith("probe failure on attempt");
        assertThat(in.acknowledged).isEmpty();

        await().atMost(Duration.ofSeconds(10)).until(() -> in.acknowledged.size() == 1);
        PublisherSnapshot recovered = instance.snapshot().publishers().getFirst();
        assertThat(recovered.circuit()).isEqualTo("closed");
        assertThat(recovered.failedAttempts()).isEqualTo(4);
        assertThat(recovered.published()).isEqualTo(1);
        assertThat(ProbeConnectorKind.publisher("retrysync-out").received).hasSize(1);
    }

    @Test
    void asynchronousFailureIsRepublishedFromExecutor() throws Exception {
        DagInstance instance = start("retryasync", "{failAttempts: 2, async: true}", null);
        ProbeSubscriber in = ProbeConnectorKind.subscriber("retryasync-in");

        sendIds(in, 6);

        await().atMost(Duration.ofSeconds(15)).until(() -> in.acknowledged.size() == 6);
        ProbePublisher out = ProbeConnectorKind.publisher("retryasync-out");
        assertThat(out.received).extracting(event -> event.get("id")).containsExactlyInAnyOrder(0, 2, 4);
        assertThat(instance.snapshot().publishers().getFirst().failedAttempts()).isEqualTo(2);
        assertThat(instance.snapshot().inFlight()).isZero();
    }

    @Test
    void stopAbandonsDeadPublisher() throws Exception {
        DagInstance instance = start("deadpub", "{alwaysFail: true}", null);
        ProbeSubscriber in = ProbeConnectorKind.subscriber("deadpub-in");
        in.send(Map.of("id", 0));
        in.send(Map.of("id", 2));
        await().atMost(Duration.ofSeconds(5)).until(() -> ProbeConnectorKind.publisher("deadpub-out").attempts.get() >= 2);

        instance.stop();

        assertThat(instance.state()).isEqualTo(DagState.STOPPED);
        assertThat(in.acknowledged).isEmpty();
        assertThat(ProbeConnectorKind.publisher("deadpub-out").closed).isTrue();
        assertThat(instance.snapshot().publishers().getFirst().abandoned()).isEqualTo(2);
    }

    @Test
    void stopInterruptsPublisherBlockedOnFullQueue() throws Exception {
        DagInstance instance = engine.deploy(dag("""
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: blocked}
                spec:
                  subscribers: [{name: in, uri: "probe://blocked-in"}]
                  publishers: [{name: out, uri: "mem://queue/blocked-out", config: {capacity: 1}}]
                  nodes:
                    - {name: ingest, type: Subscription, subscriber: in}
                    - {name: emit, type: Publication, publishers: [out]}
                  edges: [{from: ingest, to: emit}]
                """), Path.of("."));
        instance.start();
        ProbeSubscriber in = ProbeConnectorKind.subscriber("blocked-in");
        sendIds(in, 3);
        await().atMost(Duration.ofSeconds(5)).until(() -> in.acknowledged.size() == 1);

        instance.stop();

        assertThat(instance.state()).isEqualTo(DagState.STOPPED);
        assertThat(in.acknowledged).containsExactly(0);
        assertThat(instance.snapshot().publishers().getFirst().abandoned()).isEqualTo(2);
    }
}
