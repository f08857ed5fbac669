package io.dishtayantra.runtime.metrics;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Provides the metrics registry of the HTTP server, closed with the server. */
@Factory
public class MetricsFactory {

    @Singleton
    @Bean(preDestroy = "close")
    RuntimeMetrics runtimeMetrics() {
        return new RuntimeMetrics();
    }
}
