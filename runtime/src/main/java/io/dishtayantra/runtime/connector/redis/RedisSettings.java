package io.dishtayantra.runtime.connector.redis;

import io.dishtayantra.runtime.connector.config.ConnectorConfig;
import io.dishtayantra.runtime.connector.config.ConnectorUri;
import io.dishtayantra.runtime.connector.resilience.ResilienceSettings;
import io.lettuce.core.RedisURI;
import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * Settings of {@code redis://list/NAME}, {@code redis://channel/NAME} and {@code redis://stream/NAME}.
 *
 * @param kind list, channel or stream
 * @param name the key or channel
 * @param server {@code server}: the Redis server as a Redis URI, default {@code redis://127.0.0.1:6379}
 *     (a password may be given in {@code password} instead of the URI)
 * @param inflightList {@code inflightList}: list that contains taken, unacknowledged list events,
 *     default {@code NAME:inflight:<dag>-<subscriber>}
 * @param group {@code group}: stream consumer group, default {@code <dag>-<subscriber>}
 * @param consumer {@code consumer}: stream consumer name, default the HOSTNAME variable or
 *     {@code dishtayantra}; keep it stable across restarts so pending entries are recovered
 * @param claimIdle {@code claimIdle}: pending stream entries idle this long are claimed from
 *     other consumers at connect, default 1m
 * @param field {@code field}: stream entry field that holds the JSON event, default {@code event}
 * @param blockTimeout {@code blockTimeout}: longest wait of one blocking read, default 1s
 * @param commandTimeout {@code commandTimeout}: longest wait for any reply, default 10s
 * @param bufferSize {@code bufferSize}: channel messages held while the DAG is busy, default 10000;
 *     more are dropped and counted, because pub/sub cannot hold them back
 * @param maxLength {@code maxLength}: approximate cap of a stream a publisher trims to, 0 for none
 */
record RedisSettings(String kind, String name, RedisURI server, String inflightList, String group,
        String consumer, Duration claimIdle, String field, Duration blockTimeout, Duration commandTimeout,
        int bufferSize, long maxLength, ResilienceSettings resilience) {

    static final String FORM = "redis://list/NAME, redis://channel/NAME or redis://stream/NAME";

    static RedisSettings from(URI uri, ConnectorConfig config) {
        ConnectorUri parts = ConnectorUri.parse(uri, Set.of("list", "channel", "stream"), FORM, config);
        config.rejectUnknownKeys(ResilienceSettings.withKeys("server", "password", "inflightList", "group", "consumer",
                "claimIdle", "field", "blockTimeout", "commandTimeout", "bufferSize", "maxLength"), key -> false, "redis");

        String serverText = config.string("server", "redis://127.0.0.1:6379");
        RedisURI server;
        try {
            server = RedisURI.create(serverText);
        } catch (RuntimeException e) {
            config.problem("server", serverText, "expected a Redis URI such as redis://127.0.0.1:6379 or rediss://host:6380/0");
            server = RedisURI.create("redis://127.0.0.1:6379");
        }
        String password = config.string("password", null);
        if (password != null && !password.isEmpty()) {
            String username = server.getCredentialsProvider() == null ? null
                    : server.getCredentialsProvider().resolveCredentials().block().getUsername();
            server.setCredentialsProvider(new io.lettuce.core.StaticCredentialsProvider(username, password.toCharArray()));
        }
        Duration commandTimeout = config.duration("commandTimeout", Duration.ofSeconds(10));
        Duration blockTimeout = config.duration("blockTimeout", Duration.ofSeconds(1));
        if (blockTimeout.compareTo(commandTimeout) >= 0) {
            config.problem("blockTimeout", config.raw("blockTimeout"), "must be shorter than commandTimeout ("
                    + commandTimeout.toMillis() + "ms)");
        }
        server.setTimeout(commandTimeout);
        String hostname = System.getenv("HOSTNAME");
        return new RedisSettings(
                parts == null ? null : parts.kind(),
                parts == null ? null : parts.name(),
                server,
                config.string("inflightList", null),
                config.string("group", null),
                config.string("consumer", hostname == null || hostname.isBlank() ? "dishtayantra" : hostname),
                config.duration("claimIdle", Duration.ofMinutes(1)),
                config.string("field", "event"),
                blockTimeout,
                commandTimeout,
                config.integer("bufferSize", 10_000, 1, 10_000_000),
                config.integer("maxLength", 0L, 0L, Long.MAX_VALUE),
                ResilienceSettings.from(config));
    }

    String describe() {
        return "redis " + kind + " " + name;
    }
}
