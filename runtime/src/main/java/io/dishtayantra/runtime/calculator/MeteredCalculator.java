package io.dishtayantra.runtime.calculator;

import io.dishtayantra.api.Calculator;
import io.dishtayantra.api.PluginContext;
import java.util.Map;

/**
 * Wraps a calculator and records its calls, failures and latency in {@link CalculatorMetrics}.
 *
 * <p>The cost per call is one {@link System#nanoTime()} pair and a few counter writes. Start and
 * close pass straight through and are not counted. Thread-safety is the wrapped calculator's: the
 * metrics assume one call at a time.
 */
public final class MeteredCalculator implements Calculator {

    private final Calculator delegate;
    private final CalculatorMetrics metrics;

    public MeteredCalculator(Calculator delegate, CalculatorMetrics metrics) {
        this.delegate = delegate;
        this.metrics = metrics;
    }

    /** Wraps {@code calculator} with fresh metrics. */
    public static MeteredCalculator wrap(Calculator calculator) {
        return new MeteredCalculator(calculator, new CalculatorMetrics());
    }

    @Override
    public void start(PluginContext context) throws Exception {
        delegate.start(context);
    }

    @Override
    public Map<String, Object> calculate(Map<String, Object> input) throws Exception {
        long startNanos = System.nanoTime();
        boolean failed = true;
        try {
            Map<String, Object> output = delegate.calculate(input);
            failed = false;
            return output;
        } finally {
            metrics.record(System.nanoTime() - startNanos, failed);
        }
    }

    @Override
    public void close() throws Exception {
        delegate.close();
    }

    /** The calculator this one wraps. */
    public Calculator delegate() {
        return delegate;
    }

    /** Metrics of the wrapped calculator; shared, read them from any thread. */
    public CalculatorMetrics metrics() {
        return metrics;
    }
}
