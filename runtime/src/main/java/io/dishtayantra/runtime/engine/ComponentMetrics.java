package io.dishtayantra.runtime.engine;

import io.dishtayantra.api.PluginMetrics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;

/**
 * The counters and gauges one component registered, kept in memory until an exporter reads them.
 * Thread-safe.
 */
public final class ComponentMetrics implements PluginMetrics {

    private final Map<String, AdderCounter> counters = new ConcurrentHashMap<>();
    private final Map<String, DoubleSupplier> gauges = new ConcurrentHashMap<>();

    @Override
    public Counter counter(String name, String help) {
        return counters.computeIfAbsent(name, ignored -> new AdderCounter(help));
    }

    @Override
    public void gauge(String name, String help, DoubleSupplier value) {
        gauges.put(name, value);
    }

    /** Current counter values by name. */
    public Map<String, Long> counterValues() {
        Map<String, Long> values = new java.util.TreeMap<>();
        counters.forEach((name, counter) -> values.put(name, counter.sum.sum()));
        return values;
    }

    /** Current gauge values by name. */
    public Map<String, Double> gaugeValues() {
        Map<String, Double> values = new java.util.TreeMap<>();
        gauges.forEach((name, gauge) -> values.put(name, gauge.getAsDouble()));
        return values;
    }

    private record AdderCounter(String help, LongAdder sum) implements Counter {

        AdderCounter(String help) {
            this(help, new LongAdder());
        }

        @Override
        public void increment() {
            sum.increment();
        }

        @Override
        public void increment(long amount) {
            sum.add(amount);
        }
    }
}
