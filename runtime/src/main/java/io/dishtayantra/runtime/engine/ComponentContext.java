package io.dishtayantra.runtime.engine;

import io.dishtayantra.api.PluginMetrics;
import io.dishtayantra.api.connector.ConnectorContext;
import io.dishtayantra.api.connector.ConnectorHealth;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;

/**
 * The context a component receives at start. Calculators and transformers see it as a
 * {@link io.dishtayantra.api.PluginContext}; for them {@link #uri()} and {@link #health()} are null.
 */
record ComponentContext(String dagName, String componentName, Map<String, Object> config, Logger logger,
        PluginMetrics metrics, Path baseDirectory, URI uri, ConnectorHealth health) implements ConnectorContext {
}
