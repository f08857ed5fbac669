package io.dishtayantra.bench;

import io.dishtayantra.api.PluginMetrics;
import io.dishtayantra.api.connector.ConnectorContext;
import io.dishtayantra.api.connector.ConnectorHealth;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The connector context the harness gives the connectors it drives directly, outside any DAG. */
public record BenchContext(String componentName, URI uri, Map<String, Object> config) implements ConnectorContext {

    private static final Logger LOG = LoggerFactory.getLogger("io.dishtayantra.bench.harness");

    @Override
    public String dagName() {
        return "benchmark-harness";
    }

    @Override
    public Logger logger() {
        return LOG;
    }

    @Override
    public PluginMetrics metrics() {
        return new PluginMetrics() {
            @Override
            public Counter counter(String name, String help) {
                return new Counter() {
                    @Override
                    public void increment() {
                    }

                    @Override
                    public void increment(long amount) {
                    }
                };
            }

            @Override
            public void gauge(String name, String help, DoubleSupplier value) {
            }
        };
    }

    @Override
    public Path baseDirectory() {
        return Path.of(".");
    }

    @Override
    public ConnectorHealth health() {
        return new ConnectorHealth() {
            @Override
            public void connected() {
            }

            @Override
            public void disconnected(String reason) {
                LOG.warn("Harness connector {} disconnected: {}", componentName, reason);
            }

            @Override
            public void reconnecting(int attempt) {
            }
        };
    }
}
