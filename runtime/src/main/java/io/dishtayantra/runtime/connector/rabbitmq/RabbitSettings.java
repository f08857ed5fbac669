package io.dishtayantra.runtime.connector.rabbitmq;

import com.rabbitmq.client.Address;
import com.rabbitmq.client.ConnectionFactory;
import io.dishtayantra.runtime.connector.config.ConnectorConfig;
import io.dishtayantra.runtime.connector.config.ConnectorUri;
import io.dishtayantra.runtime.connector.resilience.ResilienceSettings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Settings of {@code rabbitmq://queue/NAME} and {@code rabbitmq://exchange/NAME?routingKey=KEY}.
 *
 * @param kind {@code queue} or {@code exchange}
 * @param name the queue or exchange name
 * @param routingKey from the URI's {@code routingKey} parameter; for a subscriber on an exchange
 *     the binding key (default {@code #}), for a publisher the routing key (default empty)
 * @param addresses {@code addresses}: host:port list tried in order, default {@code 127.0.0.1:5672}
 * @param queue {@code queue}: durable queue an exchange subscriber binds, default {@code <dag>-<subscriber>}
 * @param prefetch {@code prefetch}: unacknowledged deliveries the broker sends ahead, default 100
 * @param declare {@code declare}: declare the durable queue when missing, default true
 * @param routingKeyField {@code routingKeyField}: event field used as routing key by a publisher
 */
record RabbitSettings(String kind, String name, String routingKey, List<Address> addresses, String username,
        String password, String virtualHost, String queue, int prefetch, boolean declare, String routingKeyField,
        Duration connectionTimeout, ResilienceSettings resilience) {

    static final String FORM = "rabbitmq://queue/NAME or rabbitmq://exchange/NAME?routingKey=KEY";

    static RabbitSettings from(URI uri, ConnectorConfig config) {
        ConnectorUri parts = ConnectorUri.parse(uri, Set.of("queue", "exchange"), FORM, config);
        config.rejectUnknownKeys(ResilienceSettings.withKeys("addresses", "username", "password", "virtualHost",
                "queue", "prefetch", "declare", "routingKeyField", "connectionTimeout"), key -> false, "rabbitmq");

        List<Address> addresses = new ArrayList<>();
        List<String> written = config.stringList("addresses");
        for (String address : written.isEmpty() ? List.of("127.0.0.1:5672") : written) {
            for (String one : address.split(",")) {
                try {
                    addresses.add(Address.parseAddress(one.trim()));
                } catch (RuntimeException e) {
                    config.problem("addresses", one, "expected host:port");
                }
            }
        }
        String routingKey = parts == null ? null : parts.query().get("routingKey");
        return new RabbitSettings(
                parts == null ? null : parts.kind(),
                parts == null ? null : parts.name(),
                routingKey,
                addresses,
                config.string("username", "guest"),
                config.string("password", "guest"),
                config.string("virtualHost", "/"),
                config.string("queue", null),
                config.integer("prefetch", 100, 1, 65_535),
                config.bool("declare", true),
                config.string("routingKeyField", null),
                config.duration("connectionTimeout", Duration.ofSeconds(10)),
                ResilienceSettings.from(config));
    }

    /** A factory without the client's own recovery: the connector's reconnect loop owns that. */
    ConnectionFactory connectionFactory() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUsername(username);
        factory.setPassword(password);
        factory.setVirtualHost(virtualHost);
        factory.setAutomaticRecoveryEnabled(false);
        factory.setTopologyRecoveryEnabled(false);
        factory.setConnectionTimeout((int) connectionTimeout.toMillis());
        factory.setRequestedHeartbeat(10);
        return factory;
    }

    String describe() {
        return "rabbitmq " + kind + " " + name;
    }
}
