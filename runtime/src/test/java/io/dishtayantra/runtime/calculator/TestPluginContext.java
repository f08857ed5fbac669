package io.dishtayantra.runtime.calculator;

import io.dishtayantra.api.PluginContext;
import io.dishtayantra.runtime.engine.ComponentMetrics;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link PluginContext} for starting a calculator outside the engine, with the engine's
 * {@link ComponentMetrics} so tests can read what the calculator registered.
 */
public record TestPluginContext(String dagName, String componentName, Map<String, Object> config, Logger logger,
        ComponentMetrics metrics, Path baseDirectory) implements PluginContext {

    /** A context for DAG {@code test} with fresh metrics. */
    public static TestPluginContext of(String componentName, Map<String, Object> config, Path baseDirectory) {
        return new TestPluginContext("test", componentName, config == null ? Map.of() : config,
                LoggerFactory.getLogger("io.dishtayantra.plugin.test." + componentName), new ComponentMetrics(),
                baseDirectory);
    }

    /** Current value of a counter, or 0 when the calculator never created it. */
    public long counter(String name) {
        return metrics.counterValues().getOrDefault(name, 0L);
    }

    /** Current value of a gauge, or NaN when the calculator never registered it. */
    public double gauge(String name) {
        return metrics.gaugeValues().getOrDefault(name, Double.NaN);
    }
}
