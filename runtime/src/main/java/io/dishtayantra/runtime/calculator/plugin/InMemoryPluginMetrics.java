package io.dishtayantra.runtime.calculator.plugin;

import io.dishtayantra.api.PluginMetrics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;

/**
 * {@link PluginMetrics} kept in memory, for an exporter to read. Thread-safe.
 */
public final class InMemoryPluginMetrics implements PluginMetrics {

    private final Map<String, CounterHandle> counters = new ConcurrentHashMap<>();
    private final Map<String, DoubleSupplier> gauges = new ConcurrentHashMap<>();

    @Override
    public Counter counter(String name, String help) {
        return counters.computeIfAbsent(name, ignored -> new CounterHandle(help));
    }

    @Override
    public void gauge(String name, String help, DoubleSupplier value) {
        gauges.put(name, value);
    }

    /** Current value of the counter, or 0 when it was never created. */
    public long counterValue(String name) {
        CounterHandle counter = counters.get(name);
        return counter == null ? 0 : counter.count.sum();
    }

    /** Current value of the gauge, or NaN when it was never registered. */
    public double gaugeValue(String name) {
        DoubleSupplier gauge = gauges.get(name);
        return gauge == null ? Double.NaN : gauge.getAsDouble();
    }

    /** Names of the counters created so far. */
    public java.util.Set<String> counterNames() {
        return java.util.Set.copyOf(counters.keySet());
    }

    private static final class CounterHandle implements Counter {

        private final LongAdder count = new LongAdder();
        private final String help;

        CounterHandle(String help) {
            this.help = help;
        }

        @Override
        public void increment() {
            count.increment();
        }

        @Override
        public void increment(long amount) {
            count.add(amount);
        }

        @Override
        public String toString() {
            return help + " = " + count.sum();
        }
    }
}
