package io.dishtayantra.runtime.connector.rabbitmq;

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
 * {@code rabbitmq://queue/NAME} and {@code rabbitmq://exchange/NAME?routingKey=KEY} over AMQP
 * 0-9-1. Shareable: competing consumers on one queue each get different messages.
 */
public final class RabbitConnectorKind implements ConnectorKind {

    @Override
    public Set<String> schemes() {
        return Set.of("rabbitmq");
    }

    @Override
    public Subscriber createSubscriber(URI uri, Map<String, Object> config) {
        check(uri, config);
        return new RabbitSubscriber(uri);
    }

    @Override
    public Publisher createPublisher(URI uri, Map<String, Object> config) {
        check(uri, config);
        return new RabbitPublisher(uri);
    }

    @Override
    public boolean shareable() {
        return true;
    }

    @Override
    public List<ValidationProblem> validate(URI uri, Map<String, Object> config, boolean asSubscriber, String path) {
        return ConnectorConfig.problemsOf(path, config, reader -> RabbitSettings.from(uri, reader));
    }

    private static void check(URI uri, Map<String, Object> config) {
        ConnectorConfig.requireValid(config, reader -> RabbitSettings.from(uri, reader));
    }
}
