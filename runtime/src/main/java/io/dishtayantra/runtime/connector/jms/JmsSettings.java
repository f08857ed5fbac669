package io.dishtayantra.runtime.connector.jms;

import io.dishtayantra.runtime.connector.config.ConnectorConfig;
import io.dishtayantra.runtime.connector.config.ConnectorUri;
import io.dishtayantra.runtime.connector.resilience.ResilienceSettings;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Settings of {@code jms://queue/NAME}, {@code jms://topic/NAME} and the ActiveMQ shortcut
 * {@code activemq://queue/NAME} / {@code activemq://topic/NAME}.
 *
 * @param connectionFactory {@code connectionFactory}: class name of the provider's
 *     jakarta.jms.ConnectionFactory; required for jms://, fixed to ActiveMQ's for activemq://
 * @param factoryProperties {@code factoryProperties}: bean properties set on the factory through
 *     its setters, such as {@code brokerURL} or {@code queueManager}; for activemq:// the
 *     {@code brokerUrl} key (default {@code tcp://127.0.0.1:61616}) becomes {@code brokerURL}
 * @param acknowledge {@code acknowledge}: {@code client} (default for jms://) acknowledges a whole
 *     window of at most {@code batchSize} messages once all of them are done, which every JMS
 *     provider supports; {@code individual} (default for activemq://) acknowledges each message
 *     by itself and needs ActiveMQ's INDIVIDUAL_ACKNOWLEDGE session mode
 * @param subscriptionName {@code subscriptionName}: durable subscription name on a topic, default
 *     {@code <dag>-<subscriber>}; {@code durable: false} uses a plain topic consumer instead
 */
record JmsSettings(String kind, String name, String connectionFactory, Map<String, String> factoryProperties,
        String username, String password, String clientId, String acknowledge, boolean durable,
        String subscriptionName, String selector, ResilienceSettings resilience) {

    static final String ACTIVEMQ_FACTORY = "org.apache.activemq.ActiveMQConnectionFactory";
    /** ActiveMQ's session mode that acknowledges one message at a time (ActiveMQSession.INDIVIDUAL_ACKNOWLEDGE). */
    static final int ACTIVEMQ_INDIVIDUAL_ACKNOWLEDGE = 4;

    static JmsSettings from(URI uri, ConnectorConfig config) {
        boolean activemq = "activemq".equals(uri.getScheme());
        String form = activemq ? "activemq://queue/NAME or activemq://topic/NAME" : "jms://queue/NAME or jms://topic/NAME";
        ConnectorUri parts = ConnectorUri.parse(uri, Set.of("queue", "topic"), form, config);
        config.rejectUnknownKeys(ResilienceSettings.withKeys("connectionFactory", "factoryProperties", "brokerUrl",
                "username", "password", "clientId", "acknowledge", "durable", "subscriptionName", "selector"),
                key -> false, uri.getScheme());

        Map<String, String> properties = new LinkedHashMap<>(config.stringMap("factoryProperties"));
        String factory;
        if (activemq) {
            factory = ACTIVEMQ_FACTORY;
            properties.putIfAbsent("brokerURL", config.string("brokerUrl", "tcp://127.0.0.1:61616"));
        } else {
            factory = config.requiredString("connectionFactory",
                    "set the class name of the provider's jakarta.jms.ConnectionFactory, such as " + ACTIVEMQ_FACTORY);
        }
        String acknowledge = config.choice("acknowledge", activemq ? "individual" : "client", Set.of("client", "individual"));
        if (acknowledge.equals("individual") && factory != null && !factory.startsWith("org.apache.activemq.")) {
            config.problem("acknowledge", "individual", "only ActiveMQ supports individual acknowledgement; use client");
        }
        return new JmsSettings(
                parts == null ? null : parts.kind(),
                parts == null ? null : parts.name(),
                factory,
                properties,
                config.string("username", null),
                config.string("password", null),
                config.string("clientId", null),
                acknowledge,
                config.bool("durable", true),
                config.string("subscriptionName", null),
                config.string("selector", null),
                ResilienceSettings.from(config));
    }

    String describe() {
        return "jms " + kind + " " + name;
    }
}
