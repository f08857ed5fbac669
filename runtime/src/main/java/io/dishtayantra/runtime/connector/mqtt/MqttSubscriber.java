package io.dishtayantra.runtime.connector.mqtt;

import io.dishtayantra.runtime.connector.codec.JsonPayloads;
import io.dishtayantra.runtime.connector.config.ConnectorConfig;
import io.dishtayantra.runtime.connector.resilience.ResilientSubscriber;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Subscribes with QoS 1 and manual acknowledgement: the PUBACK is sent when the DAG acknowledges
 * the event, so the broker redelivers what was not finished after a reconnect. Messages arrive
 * on the client's callback thread, which blocks while the DAG's queue is full or the subscriber
 * is paused. The broker then stops sending once its in-flight window is used up.
 */
final class MqttSubscriber extends ResilientSubscriber {

    private final URI uri;
    private MqttSettings settings;
    private MqttClient client;
    private volatile CountDownLatch lost;
    private volatile Throwable lostCause;
    private final AtomicInteger generation = new AtomicInteger();

    MqttSubscriber(URI uri) {
        this.uri = uri;
    }

    @Override
    protected String description() {
        return settings == null ? uri.toString() : settings.describe();
    }

    @Override
    protected void configure(ConnectorConfig config) {
        settings = MqttSettings.from(uri, config);
    }

    @Override
    protected void connect() throws MqttException {
        lost = new CountDownLatch(1);
        int current = generation.incrementAndGet();
        String clientId = settings.clientId() != null ? settings.clientId() : context.dagName() + "-" + context.componentName();
        client = new MqttClient(settings.servers().getFirst(), clientId, new MemoryPersistence());
        client.setManualAcks(true);
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                lostCause = cause;
                lost.countDown();
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) throws Exception {
                if (!awaitResumed()) {
                    return;
                }
                int id = message.getId();
                int qos = message.getQos();
                JsonPayloads.deliver(message.getPayload(), sink, () -> acknowledge(current, id, qos));
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        client.connect(settings.connectOptions());
        client.subscribe(settings.topic(), settings.qos());
    }

    private void acknowledge(int connectionGeneration, int id, int qos) {
        MqttClient current = client;
        if (connectionGeneration != generation.get() || current == null || !current.isConnected()) {
            // The message came on an earlier connection: the broker sends it again on this one.
            return;
        }
        try {
            current.messageArrivedComplete(id, qos);
        } catch (MqttException | RuntimeException e) {
            errors.warn("PUBACK on " + description() + " failed; the broker will send the message again", e);
        }
    }

    @Override
    protected void consume() throws Exception {
        while (running()) {
            if (lost.await(100, TimeUnit.MILLISECONDS) && running()) {
                throw new MqttException(lostCause);
            }
        }
    }

    @Override
    protected void wakeUp() {
        CountDownLatch current = lost;
        if (current != null) {
            current.countDown();
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
        } catch (MqttException | RuntimeException e) {
            log.debug("MQTT disconnect failed", e);
        }
        try {
            current.close(true);
        } catch (MqttException | RuntimeException e) {
            log.debug("Closing the MQTT client failed", e);
        }
    }
}
