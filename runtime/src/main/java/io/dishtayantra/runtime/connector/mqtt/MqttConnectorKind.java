package io.dishtayantra.runtime.connector.mqtt;

import io.dishtayantra.api.connector.Publisher;
import io.dishtayantra.api.connector.Subscriber;
import io.dishtayantra.crd.validation.ValidationProblem;
import io.dishtayantra.runtime.connector.ConnectorKind;
import io.dishtayantra.runtime.connector.config.ConnectorConfig;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code mqtt://topic/NAME} over MQTT 3.1.1 with QoS 1 by default. */
public final class MqttConnectorKind implements ConnectorKind {

    @Override
    public Set<String> schemes() {
        return Set.of("mqtt");
    }

    @Override
    public Subscriber createSubscriber(URI uri, Map<String, Object> config) {
        check(uri, config);
        return new MqttSubscriber(uri);
    }

    @Override
    public Publisher createPublisher(URI uri, Map<String, Object> config) {
        check(uri, config);
        return new MqttPublisher(uri);
    }

    @Override
    public List<ValidationProblem> validate(URI uri, Map<String, Object> config, boolean asSubscriber, String path) {
        ConnectorConfig reader = new ConnectorConfig(path, config);
        MqttSettings settings = MqttSettings.from(uri, reader);
        if (!asSubscriber && settings.topic() != null && (settings.topic().contains("+") || settings.topic().contains("#"))) {
            reader.uriProblem(uri.toString(), "a publisher's topic cannot contain the wildcards + or #");
        }
        return reader.problems();
    }

    private static void check(URI uri, Map<String, Object> config) {
        ConnectorConfig reader = new ConnectorConfig("config", config);
        MqttSettings.from(uri, reader);
        reader.throwIfInvalid();
    }
}
