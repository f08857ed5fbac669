package io.dishtayantra.runtime.connector.kafka;

import io.dishtayantra.runtime.connector.config.ConnectorConfig;
import io.dishtayantra.runtime.connector.config.ConnectorUri;
import io.dishtayantra.runtime.connector.resilience.ResilienceSettings;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Settings of a {@code kafka://topic/NAME} subscriber or publisher.
 *
 * @param topic the topic from the URI
 * @param bootstrapServers {@code bootstrapServers}: host:port list, default {@code 127.0.0.1:9092}
 * @param groupId {@code groupId}: consumer group, null for the default {@code <dag>-<subscriber>}
 * @param partitionKey {@code partitionKey}: event field whose value is the record key (publishers)
 * @param pollTimeout {@code pollTimeout}: longest wait of one poll, default 500ms
 * @param commitInterval {@code commitInterval}: least time between two offset commits of a
 *     subscriber outside rebalances and stops, default 1s
 * @param clientSettings every config key with a dot in its name, passed to the Kafka client as is
 */
record KafkaSettings(String topic, String bootstrapServers, String groupId, String partitionKey,
        Duration pollTimeout, Duration commitInterval, Map<String, String> clientSettings,
        ResilienceSettings resilience) {

    static final String FORM = "kafka://topic/NAME";
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");

    static KafkaSettings from(URI uri, ConnectorConfig config) {
        ConnectorUri parts = ConnectorUri.parse(uri, Set.of("topic"), FORM, config);
        String topic = parts == null ? null : parts.name();
        if (topic != null && !TOPIC.matcher(topic).matches()) {
            config.uriProblem(uri.toString(), "topic '" + topic
                    + "' is not a valid Kafka topic name: use 1 to 249 letters, digits, '.', '_' or '-'");
        }

        Object servers = config.raw("bootstrapServers");
        String bootstrapServers = servers instanceof List<?> list
                ? String.join(",", list.stream().map(String::valueOf).toList())
                : config.string("bootstrapServers", "127.0.0.1:9092");
        if (bootstrapServers.isBlank()) {
            config.problem("bootstrapServers", servers, "must list at least one host:port");
        }

        Map<String, String> clientSettings = new LinkedHashMap<>();
        config.rejectUnknownKeys(
                ResilienceSettings.withKeys("bootstrapServers", "groupId", "partitionKey", "pollTimeout",
                        "commitInterval"), key -> key.contains("."), "kafka");
        for (String key : keysWithDot(config)) {
            clientSettings.put(key, config.string(key, null));
        }
        return new KafkaSettings(topic, bootstrapServers, config.string("groupId", null),
                config.string("partitionKey", null), config.duration("pollTimeout", Duration.ofMillis(500)),
                config.duration("commitInterval", Duration.ofSeconds(1)), clientSettings,
                ResilienceSettings.from(config));
    }

    private static List<String> keysWithDot(ConnectorConfig config) {
        return config.keys().stream().filter(key -> key.contains(".")).toList();
    }
}
