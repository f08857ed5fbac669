package io.dishtayantra.runtime.connector.rest;

import io.dishtayantra.api.connector.Publisher;
import io.dishtayantra.api.connector.Subscriber;
import io.dishtayantra.crd.validation.ValidationProblem;
import io.dishtayantra.runtime.connector.ConnectorKind;
import io.dishtayantra.runtime.connector.config.ConnectorConfig;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code rest://HOST[:PORT]/PATH}: an HTTP poller and an HTTP POST/PUT publisher. */
public final class RestConnectorKind implements ConnectorKind {

    @Override
    public Set<String> schemes() {
        return Set.of("rest");
    }

    @Override
    public Subscriber createSubscriber(URI uri, Map<String, Object> config) {
        check(uri, config, true);
        return new RestSubscriber(uri);
    }

    @Override
    public Publisher createPublisher(URI uri, Map<String, Object> config) {
        check(uri, config, false);
        return new RestPublisher(uri);
    }

    @Override
    public List<ValidationProblem> validate(URI uri, Map<String, Object> config, boolean asSubscriber, String path) {
        ConnectorConfig reader = new ConnectorConfig(path, config);
        RestSettings.from(uri, reader, asSubscriber);
        return reader.problems();
    }

    private static void check(URI uri, Map<String, Object> config, boolean asSubscriber) {
        ConnectorConfig reader = new ConnectorConfig("config", config);
        RestSettings.from(uri, reader, asSubscriber);
        reader.throwIfInvalid();
    }
}
