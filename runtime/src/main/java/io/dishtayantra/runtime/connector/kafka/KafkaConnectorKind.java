package io.dishtayantra.runtime.connector.kafka;

import io.dishtayantra.api.connector.Publisher;
import io.dishtayantra.api.connector.Subscriber;
import io.dishtayantra.crd.validation.ValidationProblem;
import io.dishtayantra.runtime.connector.ConnectorKind;
import io.dishtayantra.runtime.connector.config.ConnectorConfig;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code kafka://topic/NAME}: consumer-group subscribers that commit acknowledged offsets, and
 * idempotent publishers. Shareable, because instances in one consumer group split the partitions.
 */
public final class KafkaConnectorKind implements ConnectorKind {

    @Override
    public Set<String> schemes() {
        return Set.of("kafka");
    }

    @Override
    public Subscriber createSubscriber(URI uri, Map<String, Object> config) {
        check(uri, config);
        return new KafkaSubscriber(uri);
    }

    @Override
    public Publisher createPublisher(URI uri, Map<String, Object> config) {
        check(uri, config);
        return new KafkaPublisher(uri);
    }

    @Override
    public boolean shareable() {
        return true;
    }

    @Override
    public List<ValidationProblem> validate(URI uri, Map<String, Object> config, boolean asSubscriber, String path) {
        return ConnectorConfig.problemsOf(path, config, reader -> KafkaSettings.from(uri, reader));
    }

    private static void check(URI uri, Map<String, Object> config) {
        ConnectorConfig.requireValid(config, reader -> KafkaSettings.from(uri, reader));
    }
}
