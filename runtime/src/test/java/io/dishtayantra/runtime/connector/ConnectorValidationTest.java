package io.dishtayantra.runtime.connector;

import static org.assertj.core.api.Assertions.assertThat;

import io.dishtayantra.crd.manifest.ManifestDocument;
import io.dishtayantra.crd.manifest.ManifestLoader;
import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.validation.DagValidator;
import io.dishtayantra.crd.validation.ValidationProblem;
import io.dishtayantra.runtime.calculator.CalculatorRegistry;
import io.dishtayantra.runtime.catalog.RuntimeCatalog;
import io.dishtayantra.runtime.connector.testing.Manifests;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Connector checks as the DAG validator runs them through the runtime's catalog. */
class ConnectorValidationTest {

    private final ClassLoader loader = getClass().getClassLoader();
    private final RuntimeCatalog catalog = new RuntimeCatalog(CalculatorRegistry.load(loader), ConnectorRegistry.load(loader));
    private final DagValidator validator = new DagValidator(catalog);

    private static String manifest(String uri, String config) {
        return """
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: check}
                spec:
                  subscribers: [{name: in, uri: "%s", config: %s}]
                  publishers: [{name: out, uri: "mem://queue/out"}]
                  nodes:
                    - {name: ingest, type: Subscription, subscriber: in}
                    - {name: emit, type: Publication, publishers: [out]}
                  edges: [{from: ingest, to: emit}]
                """.formatted(uri, config);
    }

    private List<String> problems(String uri, String config) {
        return validator.validate(Manifests.dag(manifest(uri, config))).problems().stream()
                .map(ValidationProblem::toString).toList();
    }

    @Test
    void unsupportedSchemeSaysWhatToUse() {
        assertThat(problems("sqs://queue/orders", "{}")).containsExactly(
                "spec.subscribers[0].uri (sqs://queue/orders): The scheme 'sqs' is not supported: "
                        + "bridge the data into Kafka, RabbitMQ or a file and subscribe to that.");
        assertThat(problems("tibcoems://queue/orders", "{}")).singleElement().asString()
                .contains("use jms:// with the TIBCO EMS Jakarta JMS client");
    }

    @Test
    void badKafkaSettingNamesKeyAndValue() {
        assertThat(problems("kafka://topic/trades", "{pollTimeout: soon, groupld: x}")).containsExactlyInAnyOrder(
                "spec.subscribers[0].config.pollTimeout (soon): Expected a duration such as 500ms, 10s, 2m or 1h30m, "
                        + "at most 2562047h (about 292 years).",
                "spec.subscribers[0].config.groupld (x): Unknown setting for kafka://; known settings are "
                        + "[batchSize, bootstrapServers, circuitFailureThreshold, circuitOpenDuration, commitInterval, "
                        + "deliveryTimeout, groupId, maxInFlight, partitionKey, pollTimeout, reconnectDelay, "
                        + "reconnectMaxDelay].");
    }

    @Test
    void kafkaCommitIntervalMustBePositive() {
        assertThat(problems("kafka://topic/trades", "{commitInterval: 0s}")).containsExactly(
                "spec.subscribers[0].config.commitInterval (0s): Must be longer than zero.");
        assertThat(problems("kafka://topic/trades", "{commitInterval: 250ms}")).isEmpty();
    }

    @Test
    void secretValuesAreHiddenInProblems() {
        assertThat(problems("rabbitmq://queue/q", "{password: [hunter2]}")).containsExactly(
                "spec.subscribers[0].config.password (*****): Expected a string.");
    }

    @Test
    void badUriFormNamesExpectedForm() {
        assertThat(problems("rabbitmq://queues/orders", "{}")).containsExactly(
                "spec.subscribers[0].uri (rabbitmq://queues/orders): Expected rabbitmq://queue/NAME or "
                        + "rabbitmq://exchange/NAME?routingKey=KEY where the part after // is one of [exchange, queue].");
        assertThat(problems("redis://list/jobs", "{prefetch: 10}")).singleElement().asString()
                .startsWith("spec.subscribers[0].config.prefetch (10): Unknown setting for redis://");
    }

    @Test
    void everySchemeValidatesItsMinimalForm() {
        Map<String, Map<String, Object>> minimal = Map.of(
                "kafka://topic/t", Map.of(),
                "rabbitmq://exchange/x?routingKey=a.b", Map.of(),
                "redis://stream/s", Map.of(),
                "sql://table/t", Map.of("url", "jdbc:postgresql://127.0.0.1:5432/test", "keyColumn", "id"),
                "rest://api.example.com/v1/items", Map.of("auth", "apiKey", "apiKey", "k"),
                "jms://topic/t", Map.of("connectionFactory", "org.apache.activemq.ActiveMQConnectionFactory"),
                "activemq://queue/q", Map.of(),
                "nats://subject/a.b", Map.of("stream", "S"),
                "mqtt://topic/a/+/c", Map.of(),
                "custom://com.example.Source", Map.of());
        ConnectorRegistry registry = ConnectorRegistry.load(loader);
        minimal.forEach((uri, config) -> assertThat(registry.validate(uri, config, true, "spec.subscribers[0]"))
                .as(uri).isEmpty());
        assertThat(registry.kindFor(URI.create("kafka://topic/t")).shareable()).isTrue();
    }

    @Test
    void brokerExamplesAreValid() throws Exception {
        Path folder = Path.of("../examples/brokers");
        if (!Files.isDirectory(folder)) {
            folder = Path.of("examples/brokers");
        }
        List<ManifestDocument> documents = new ManifestLoader().load(folder);
        assertThat(documents).hasSize(2);
        for (ManifestDocument document : documents) {
            assertThat(document.problems()).as(document.location()).isEmpty();
            assertThat(validator.validate((Dag) document.resource()).problems()).as(document.location()).isEmpty();
        }
    }
}
