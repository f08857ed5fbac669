package io.dishtayantra.runtime.calculator;

import io.dishtayantra.api.Calculator;
import io.dishtayantra.api.PluginContext;
import java.util.Map;

/**
 * Wraps a calculator and records its calls, failures and latency in {@link CalculatorMetrics}.
 *
 * <p>The cost per call is one {@link System#nanoTime()} pair and a few counter writes. Start and
 * close pass straight through and are not counted. At start the counts are also registered as
 * gauges on the context's {@link io.dishtayantra.api.PluginMetrics}, so they are exported with
 * the component's other metrics: {@code calculator_calls_total}, {@code calculator_failures_total}
 * and {@code calculator_latency_seconds_sum}. Thread-safety is the wrapped calculator's: the
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
        context.metrics().gauge("calculator_calls_total", "Events passed to the calculator, failed ones included.",
                metrics::calls);
        context.metrics().gauge("calculator_failures_total", "Events the calculator threw an exception for.",
                metrics::failures);
        context.metrics().gauge("calculator_latency_seconds_sum", "Time spent in the calculator, in seconds.",
                metrics::totalSeconds);
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
