package io.dishtayantra.bench.micro;

import io.dishtayantra.api.PluginContext;
import io.dishtayantra.api.PluginMetrics;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The plugin context the micro benchmarks start calculators with: metrics go nowhere. */
record BenchPluginContext(String componentName, Map<String, Object> config) implements PluginContext {

    private static final Logger LOG = LoggerFactory.getLogger("io.dishtayantra.bench.micro");

    @Override
    public String dagName() {
        return "micro-benchmark";
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
        return Path.of(".").toAbsolutePath();
    }
}
