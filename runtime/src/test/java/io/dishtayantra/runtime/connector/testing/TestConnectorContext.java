package io.dishtayantra.runtime.connector.testing;

import io.dishtayantra.api.PluginMetrics;
import io.dishtayantra.api.connector.ConnectorContext;
import io.dishtayantra.api.connector.ConnectorHealth;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A connector context for tests: fixed names, a recording health and in-memory counters. */
public record TestConnectorContext(String dagName, String componentName, URI uri, Map<String, Object> config,
        RecordingHealth health, TestMetrics metrics, Path baseDirectory) implements ConnectorContext {

    public static TestConnectorContext of(String dag, String component, String uri, Map<String, Object> config) {
        return new TestConnectorContext(dag, component, URI.create(uri), config, new RecordingHealth(),
                new TestMetrics(), Path.of("."));
    }

    @Override
    public Logger logger() {
        return LoggerFactory.getLogger("test." + dagName + "." + componentName);
    }

    /** Health that remembers the latest state and counts transitions. */
    public static final class RecordingHealth implements ConnectorHealth {
        public volatile boolean connected;
        public volatile String lastReason;
        public final AtomicLong disconnects = new AtomicLong();
        public final AtomicLong reconnectAttempts = new AtomicLong();
        public volatile long lag;

        @Override
        public void connected() {
            connected = true;
        }

        @Override
        public void disconnected(String reason) {
            connected = false;
            lastReason = reason;
            disconnects.incrementAndGet();
        }

        @Override
        public void reconnecting(int attempt) {
            reconnectAttempts.incrementAndGet();
        }

        @Override
        public void lag(long events) {
            lag = events;
        }
    }

    /** Counters kept in a map; gauges are ignored. */
    public static final class TestMetrics implements PluginMetrics {
        public final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();

        @Override
        public Counter counter(String name, String help) {
            AtomicLong value = counters.computeIfAbsent(name, key -> new AtomicLong());
            return new Counter() {
                @Override
                public void increment() {
                    value.incrementAndGet();
                }

                @Override
                public void increment(long amount) {
                    value.addAndGet(amount);
                }
            };
        }

        @Override
        public void gauge(String name, String help, DoubleSupplier value) {
        }

        public long count(String name) {
            AtomicLong value = counters.get(name);
            return value == null ? 0 : value.get();
        }
    }
}
