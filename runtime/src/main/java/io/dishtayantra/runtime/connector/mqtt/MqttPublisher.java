package io.dishtayantra.runtime.connector.mqtt;

import io.dishtayantra.runtime.connector.codec.JsonPayloads;
import io.dishtayantra.runtime.connector.config.ConnectorConfig;
import io.dishtayantra.runtime.connector.resilience.ResilientPublisher;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** Publishes each event with the configured QoS; with QoS 1 an event completes on the broker's PUBACK. */
final class MqttPublisher extends ResilientPublisher {

    private final URI uri;
    private MqttSettings settings;
    private MqttClient client;

    MqttPublisher(URI uri) {
        this.uri = uri;
    }

    @Override
    protected String description() {
        return settings == null ? uri.toString() : settings.describe();
    }

    @Override
    protected void configure(ConnectorConfig config) {
        settings = MqttSettings.from(uri, config);
        if (settings.topic() != null && (settings.topic().contains("+") || settings.topic().contains("#"))) {
            config.uriProblem(uri.toString(), "a publisher's topic cannot contain the wildcards + or #");
        }
    }

    @Override
    protected void connect() throws MqttException {
        String clientId = settings.clientId() != null ? settings.clientId() : context.dagName() + "-" + context.componentName();
        client = new MqttClient(settings.servers().getFirst(), clientId, new MemoryPersistence());
        MqttConnectOptions options = settings.connectOptions();
        options.setCleanSession(true);
        client.connect(options);
    }

    @Override
    protected void send(List<Map<String, Object>> batch) throws MqttException {
        for (Map<String, Object> event : batch) {
            client.publish(settings.topic(), JsonPayloads.toBytes(event), settings.qos(), false);
        }
    }

    @Override
    protected void disconnect() {
        MqttClient current = client;
        client = null;
        if (current == null) {
            return;
        }
        try {
            if (current.isConnected()) {
                current.disconnect(1000);
            }
            current.close(true);
        } catch (MqttException | RuntimeException e) {
            log.debug("Closing the MQTT client failed", e);
        }
    }
}
