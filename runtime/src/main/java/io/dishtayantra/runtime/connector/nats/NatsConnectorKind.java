package io.dishtayantra.runtime.connector.nats;

import io.dishtayantra.api.connector.Publisher;
import io.dishtayantra.api.connector.Subscriber;
import io.dishtayantra.crd.validation.ValidationProblem;
import io.dishtayantra.runtime.connector.ConnectorKind;
import io.dishtayantra.runtime.connector.config.ConnectorConfig;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code nats://subject/NAME}: core NATS, or JetStream when a {@code stream} is configured. */
public final class NatsConnectorKind implements ConnectorKind {

    @Override
    public Set<String> schemes() {
        return Set.of("nats");
    }

    @Override
    public Subscriber createSubscriber(URI uri, Map<String, Object> config) {
        check(uri, config);
        return new NatsSubscriber(uri);
    }

    @Override
    public Publisher createPublisher(URI uri, Map<String, Object> config) {
        check(uri, config);
        return new NatsPublisher(uri);
    }

    @Override
    public List<ValidationProblem> validate(URI uri, Map<String, Object> config, boolean asSubscriber, String path) {
        ConnectorConfig reader = new ConnectorConfig(path, config);
        NatsSettings.from(uri, reader);
        return reader.problems();
    }

    private static void check(URI uri, Map<String, Object> config) {
        ConnectorConfig reader = new ConnectorConfig("config", config);
        NatsSettings.from(uri, reader);
        reader.throwIfInvalid();
    }
}
