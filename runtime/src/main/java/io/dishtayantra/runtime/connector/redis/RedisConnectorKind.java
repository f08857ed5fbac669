package io.dishtayantra.runtime.connector.redis;

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
 * {@code redis://list/NAME} (reliable queue), {@code redis://channel/NAME} (pub/sub) and
 * {@code redis://stream/NAME} (consumer groups). Lists and streams are shareable, because each
 * entry goes to one consumer; channels are not, because every subscriber receives every message.
 */
public final class RedisConnectorKind implements ConnectorKind {

    @Override
    public Set<String> schemes() {
        return Set.of("redis");
    }

    @Override
    public Subscriber createSubscriber(URI uri, Map<String, Object> config) {
        RedisSettings settings = check(uri, config);
        return switch (settings.kind()) {
            case "list" -> new RedisListSubscriber(uri);
            case "channel" -> new RedisChannelSubscriber(uri);
            default -> new RedisStreamSubscriber(uri);
        };
    }

    @Override
    public Publisher createPublisher(URI uri, Map<String, Object> config) {
        check(uri, config);
        return new RedisPublisher(uri);
    }

    @Override
    public boolean shareable(URI uri) {
        String kind = uri.getHost() != null ? uri.getHost() : uri.getAuthority();
        return "list".equals(kind) || "stream".equals(kind);
    }

    @Override
    public List<ValidationProblem> validate(URI uri, Map<String, Object> config, boolean asSubscriber, String path) {
        ConnectorConfig reader = new ConnectorConfig(path, config);
        RedisSettings.from(uri, reader);
        return reader.problems();
    }

    private static RedisSettings check(URI uri, Map<String, Object> config) {
        ConnectorConfig reader = new ConnectorConfig("config", config);
        RedisSettings settings = RedisSettings.from(uri, reader);
        reader.throwIfInvalid();
        return settings;
    }
}
