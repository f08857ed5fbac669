package io.dishtayantra.runtime.connector.kafka;

import io.dishtayantra.api.connector.ConnectorContext;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * Reports a Kafka client's connection state to the connector's health. Kafka clients reconnect by
 * themselves and raise no error while the cluster is away, so the watch reads the client's
 * {@code connection-count} metric, at most once a second, and reports each change.
 * Not thread-safe: call {@link #check()} from one thread.
 */
final class KafkaConnectionWatch {

    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final Supplier<Map<MetricName, ? extends Metric>> metrics;
    private final ConnectorContext context;
    private final String description;
    private long lastCheck = System.nanoTime() - INTERVAL_NANOS;
    private Boolean connected;

    KafkaConnectionWatch(Supplier<Map<MetricName, ? extends Metric>> metrics, ConnectorContext context, String description) {
        this.metrics = metrics;
        this.context = context;
        this.description = description;
    }

    void check() {
        long now = System.nanoTime();
        if (now - lastCheck < INTERVAL_NANOS) {
            return;
        }
        lastCheck = now;
        double connections = 0;
        for (Map.Entry<MetricName, ? extends Metric> metric : metrics.get().entrySet()) {
            if (metric.getKey().name().equals("connection-count") && metric.getValue().metricValue() instanceof Number count) {
                connections += count.doubleValue();
            }
        }
        boolean nowConnected = connections > 0;
        if (connected == null || connected != nowConnected) {
            if (nowConnected) {
                context.health().connected();
                if (connected != null) {
                    context.logger().info("Connected to the Kafka cluster again for {}", description);
                }
            } else {
                context.health().disconnected("no connection to any Kafka broker");
                context.logger().warn("No connection to any Kafka broker for {}; the client keeps retrying", description);
            }
            connected = nowConnected;
        }
    }
}
