package io.dishtayantra.runtime.connector;

import java.util.Map;
import java.util.TreeMap;

/**
 * URI schemes that the original DishtaYantra offered and this runtime does not, each mapped to
 * what to use instead. Validation shows the text after "The scheme 'X' is not supported: ".
 */
public final class UnsupportedSchemes {

    private static final String CLOUD = "bridge the data into Kafka, RabbitMQ or a file and subscribe to that.";

    private static final Map<String, String> REASONS = new TreeMap<>(Map.ofEntries(
            Map.entry("aerospike", "write to redis:// or sql:// instead."),
            Map.entry("grpc", "use rest:// for request/response sources and sinks."),
            Map.entry("sqs", CLOUD),
            Map.entry("sns", CLOUD),
            Map.entry("kinesis", CLOUD),
            Map.entry("servicebus", CLOUD),
            Map.entry("eventhubs", "Event Hubs speaks the Kafka protocol, so use kafka:// with its Kafka endpoint."),
            Map.entry("s3", CLOUD),
            Map.entry("azureblob", CLOUD),
            Map.entry("gcs", CLOUD),
            Map.entry("lmdb", "connect DAGs through mem:// within one process, or through a broker across processes."),
            Map.entry("tibcoems", "use jms:// with the TIBCO EMS Jakarta JMS client and its connection factory class"
                    + " (see docs/connectors.md)."),
            Map.entry("websphere", "use jms:// with the IBM MQ Jakarta JMS client and its connection factory class"
                    + " (see docs/connectors.md).")));

    private UnsupportedSchemes() {
    }

    /** Returns every unsupported scheme mapped to why and what to use instead; sorted by scheme. */
    public static Map<String, String> reasons() {
        return REASONS;
    }
}
