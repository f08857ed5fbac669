package io.dishtayantra.api;

/**
 * Counters and gauges a component may export next to the engine's own metrics.
 *
 * <p>Names are lower case with underscores; the exporter adds the {@code dishtayantra_} prefix
 * and the DAG and component labels. Look a counter up once at start and keep the handle: the
 * handle's {@code increment} is safe from any thread and costs an atomic add.
 */
public interface PluginMetrics {

    /** Returns the counter with this name, creating it on first use. */
    Counter counter(String name, String help);

    /** Registers a gauge read at scrape time from the supplier. */
    void gauge(String name, String help, java.util.function.DoubleSupplier value);

    /** A monotonically increasing count. */
    interface Counter {
        void increment();

        void increment(long amount);
    }
}
