package io.dishtayantra.runtime.connector.mqtt;

import io.dishtayantra.runtime.connector.config.ConnectorConfig;
import io.dishtayantra.runtime.connector.resilience.ResilienceSettings;
import java.net.URI;
import java.util.List;

/**
 * Settings of {@code mqtt://topic/NAME}; NAME may contain slashes and, for subscribers, the
 * wildcards + and #.
 *
 * @param servers {@code servers}: broker URIs tried in order, default {@code tcp://127.0.0.1:1883}
 * @param clientId {@code clientId}: default {@code <dag>-<component>}; keep it stable so the
 *     broker keeps the subscriber's session and QoS 1 messages across reconnects
 * @param cleanSession {@code cleanSession}: default false, so messages sent while the
 *     subscriber is away wait in its session
 * @param qos {@code qos}: 0 or 1, default 1
 */
record MqttSettings(String topic, List<String> servers, String clientId, String username, String password,
        boolean cleanSession, int qos, ResilienceSettings resilience) {

    static MqttSettings from(URI uri, ConnectorConfig config) {
        String topic = null;
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (!"topic".equals(uri.getHost()) || path.length() <= 1) {
            config.uriProblem(uri.toString(), "expected mqtt://topic/NAME, such as mqtt://topic/sensors/+/temperature");
        } else {
            topic = path.substring(1);
        }
        config.rejectUnknownKeys(ResilienceSettings.withKeys("servers", "clientId", "username", "password",
                "cleanSession", "qos"), key -> false, "mqtt");
        List<String> servers = config.stringList("servers");
        for (String server : servers) {
            if (!server.matches("(tcp|ssl|ws|wss)://.+")) {
                config.problem("servers", server, "expected a URI such as tcp://127.0.0.1:1883");
            }
        }
        return new MqttSettings(topic, servers.isEmpty() ? List.of("tcp://127.0.0.1:1883") : servers,
                config.string("clientId", null), config.string("username", null), config.string("password", null),
                config.bool("cleanSession", false), config.integer("qos", 1, 0, 1), ResilienceSettings.from(config));
    }

    org.eclipse.paho.client.mqttv3.MqttConnectOptions connectOptions() {
        org.eclipse.paho.client.mqttv3.MqttConnectOptions options = new org.eclipse.paho.client.mqttv3.MqttConnectOptions();
        options.setServerURIs(servers.toArray(String[]::new));
        options.setCleanSession(cleanSession);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(10);
        options.setKeepAliveInterval(10);
        options.setMaxInflight(1000);
        if (username != null) {
            options.setUserName(username);
            options.setPassword(password == null ? new char[0] : password.toCharArray());
        }
        return options;
    }

    String describe() {
        return "mqtt topic " + topic;
    }
}
