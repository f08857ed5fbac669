package io.dishtayantra.runtime.connector;

import java.util.Map;
import java.util.TreeMap;

/**
 * URI schemes that the original DishtaYantra offered and this runtime does not, each mapped to
 * the reason a validator shows. The component catalog reads {@link #reasons()}.
 */
public final class UnsupportedSchemes {

    private static final String CLOUD = "cloud object stores and queues are not supported yet;"
            + " bridge the data into Kafka, RabbitMQ or a file and subscribe to that";

    private static final Map<String, String> REASONS = new TreeMap<>(Map.ofEntries(
            Map.entry("aerospike", "Aerospike is not supported yet; publish to redis:// or sql:// instead"),
            Map.entry("grpc", "gRPC pub/sub is not supported yet; use rest:// for request/response sources and sinks"),
            Map.entry("sqs", CLOUD),
            Map.entry("sns", CLOUD),
            Map.entry("kinesis", CLOUD),
            Map.entry("servicebus", CLOUD),
            Map.entry("eventhubs", CLOUD + " (Event Hubs also speaks the Kafka protocol: use kafka://)"),
            Map.entry("s3", CLOUD),
            Map.entry("azureblob", CLOUD),
            Map.entry("gcs", CLOUD),
            Map.entry("lmdb", "lmdb:// is not supported; connect DAGs through mem:// in one process"
                    + " or a broker across processes"),
            Map.entry("tibcoems", "use jms:// with TIBCO EMS's JMS client jar and connection factory class"
                    + " (see docs/connectors.md)"),
            Map.entry("websphere", "use jms:// with IBM MQ's JMS client jar and connection factory class"
                    + " (see docs/connectors.md)")));

    private UnsupportedSchemes() {
    }

    /** Returns every unsupported scheme mapped to why and what to use instead; sorted by scheme. */
    public static Map<String, String> reasons() {
        return REASONS;
    }
}
