package io.dishtayantra.runtime.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class UnsupportedSchemesTest {

    @Test
    void everyUnsupportedSchemeHasReason() {
        assertThat(UnsupportedSchemes.reasons().keySet()).containsExactlyInAnyOrder("aerospike", "grpc", "sqs", "sns",
                "kinesis", "servicebus", "eventhubs", "s3", "azureblob", "gcs", "lmdb", "tibcoems", "websphere");
        assertThat(UnsupportedSchemes.reasons().values()).allSatisfy(reason -> assertThat(reason).isNotBlank());
    }

    @Test
    void brokerKindsAreRegisteredAndDisjointFromUnsupported() {
        Set<String> schemes = new TreeSet<>();
        ServiceLoader.load(ConnectorKind.class).forEach(kind -> schemes.addAll(kind.schemes()));
        assertThat(schemes).contains("kafka", "rabbitmq", "redis", "sql", "rest", "jms", "activemq", "nats", "mqtt", "custom");
        assertThat(schemes).doesNotContainAnyElementsOf(UnsupportedSchemes.reasons().keySet());
    }
}
