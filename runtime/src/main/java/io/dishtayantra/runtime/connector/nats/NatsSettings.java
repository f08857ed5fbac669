package io.dishtayantra.runtime.connector.nats;

import io.dishtayantra.runtime.connector.config.ConnectorConfig;
import io.dishtayantra.runtime.connector.config.ConnectorUri;
import io.dishtayantra.runtime.connector.resilience.ResilienceSettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Settings of {@code nats://subject/NAME}.
 *
 * @param servers {@code servers}: NATS URLs tried in order and on failover, default {@code nats://127.0.0.1:4222}
 * @param stream {@code stream}: JetStream stream that stores the subject; when set, subscribers
 *     use a durable pull consumer and publishers wait for the stream's acknowledgement; without
 *     it the connector uses core NATS (at most once)
 * @param createStream {@code createStream}: create the stream for the subject when missing, default true
 * @param durable {@code durable}: JetStream durable consumer name, default {@code <dag>-<subscriber>}
 * @param ackWait {@code ackWait}: JetStream redelivers an event not acknowledged in this time, default 30s
 * @param fetchTimeout {@code fetchTimeout}: longest wait of one fetch or read, default 1s
 */
record NatsSettings(String subject, List<String> servers, String username, String password, String token,
        String stream, boolean createStream, String durable, Duration ackWait, Duration fetchTimeout,
        ResilienceSettings resilience) {

    static NatsSettings from(URI uri, ConnectorConfig config) {
        ConnectorUri parts = ConnectorUri.parse(uri, Set.of("subject"), "nats://subject/NAME", config);
        config.rejectUnknownKeys(ResilienceSettings.withKeys("servers", "username", "password", "token", "stream",
                "createStream", "durable", "ackWait", "fetchTimeout"), key -> false, "nats");
        List<String> servers = config.stringList("servers");
        for (String server : servers) {
            if (!server.matches("(nats|tls|ws|wss)://.+")) {
                config.problem("servers", server, "expected a URL such as nats://127.0.0.1:4222");
            }
        }
        return new NatsSettings(
                parts == null ? null : parts.name(),
                servers.isEmpty() ? List.of("nats://127.0.0.1:4222") : servers,
                config.string("username", null),
                config.string("password", null),
                config.string("token", null),
                config.string("stream", null),
                config.bool("createStream", true),
                config.string("durable", null),
                config.duration("ackWait", Duration.ofSeconds(30)),
                config.duration("fetchTimeout", Duration.ofSeconds(1)),
                ResilienceSettings.from(config));
    }

    boolean jetStream() {
        return stream != null;
    }

    String describe() {
        return "nats subject " + subject + (stream == null ? "" : " (stream " + stream + ")");
    }
}
