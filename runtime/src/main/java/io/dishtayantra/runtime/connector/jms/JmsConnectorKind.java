package io.dishtayantra.runtime.connector.jms;

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
 * {@code jms://queue|topic/NAME} for any Jakarta Messaging 3 provider (ActiveMQ, TIBCO EMS, IBM MQ)
 * and the shortcut {@code activemq://queue|topic/NAME}.
 */
public final class JmsConnectorKind implements ConnectorKind {

    @Override
    public Set<String> schemes() {
        return Set.of("jms", "activemq");
    }

    @Override
    public Subscriber createSubscriber(URI uri, Map<String, Object> config) {
        check(uri, config);
        return new JmsSubscriber(uri);
    }

    @Override
    public Publisher createPublisher(URI uri, Map<String, Object> config) {
        check(uri, config);
        return new JmsPublisher(uri);
    }

    @Override
    public List<ValidationProblem> validate(URI uri, Map<String, Object> config, boolean asSubscriber, String path) {
        ConnectorConfig reader = new ConnectorConfig(path, config);
        JmsSettings.from(uri, reader);
        return reader.problems();
    }

    private static void check(URI uri, Map<String, Object> config) {
        ConnectorConfig reader = new ConnectorConfig("config", config);
        JmsSettings.from(uri, reader);
        reader.throwIfInvalid();
    }
}
