package io.dishtayantra.runtime.engine;

import io.dishtayantra.runtime.calculator.CalculatorRegistry;
import io.dishtayantra.runtime.config.EnvironmentResolver;
import io.dishtayantra.runtime.connector.ConnectorRegistry;
import java.time.Duration;

/**
 * Services every DAG of an engine shares.
 *
 * @param stopTimeout how long a stop waits for queued events and failing publishers before it
 *     abandons retries and leaves the remaining events unacknowledged
 */
public record EngineServices(CalculatorRegistry calculators, ConnectorRegistry connectors,
        EnvironmentResolver environment, Duration stopTimeout) {

    /** Default stop timeout: 10 seconds. */
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);

    /** Services with every kind on the class path, the process environment and the default stop timeout. */
    public static EngineServices fromClassPath() {
        ClassLoader loader = EngineServices.class.getClassLoader();
        return new EngineServices(CalculatorRegistry.load(loader), ConnectorRegistry.load(loader),
                EnvironmentResolver.system(), DEFAULT_STOP_TIMEOUT);
    }

    /** The same services with another stop timeout. */
    public EngineServices withStopTimeout(Duration timeout) {
        return new EngineServices(calculators, connectors, environment, timeout);
    }
}
