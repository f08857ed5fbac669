package io.dishtayantra.runtime.calculator.plugin;

import io.dishtayantra.api.PluginContext;
import io.dishtayantra.api.PluginMetrics;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link PluginContext} handed to a component at start.
 *
 * <p>The logger is named {@code io.dishtayantra.plugin.<dag>.<component>}, so log lines carry the
 * DAG and component names without the plugin having to add them.
 */
public record StandardPluginContext(String dagName, String componentName, Map<String, Object> config,
        Logger logger, PluginMetrics metrics, Path baseDirectory) implements PluginContext {

    public StandardPluginContext {
        config = config == null ? Map.of() : java.util.Collections.unmodifiableMap(config);
    }

    /** A context with the standard logger name and fresh in-memory metrics. */
    public static StandardPluginContext of(String dagName, String componentName, Map<String, Object> config,
            Path baseDirectory) {
        Logger logger = LoggerFactory.getLogger("io.dishtayantra.plugin." + dagName + "." + componentName);
        return new StandardPluginContext(dagName, componentName, config, logger, new InMemoryPluginMetrics(),
                baseDirectory);
    }
}
