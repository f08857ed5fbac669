package io.dishtayantra.runtime.metrics;

import io.dishtayantra.runtime.engine.Engine;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Provides the metrics registry of the HTTP server, with the engine's collector, closed with the server. */
@Factory
public class MetricsFactory {

    @Singleton
    @Bean(preDestroy = "close")
    RuntimeMetrics runtimeMetrics(Engine engine) {
        RuntimeMetrics metrics = new RuntimeMetrics();
        metrics.register(new DagMetricsCollector(engine));
        return metrics;
    }
}
