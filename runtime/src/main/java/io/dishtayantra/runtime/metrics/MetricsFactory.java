package io.dishtayantra.runtime.metrics;

import io.dishtayantra.runtime.engine.Engine;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * Provides the metrics registry of the HTTP server, with the engine's collector and the Lease
 * roles, closed with the server.
 */
@Factory
public class MetricsFactory {

    @Singleton
    @Bean(preDestroy = "close")
    RuntimeMetrics runtimeMetrics(Engine engine) {
        RuntimeMetrics metrics = new RuntimeMetrics();
        metrics.register(new DagMetricsCollector(engine));
        metrics.register(new InstanceRoleCollector());
        return metrics;
    }
}
