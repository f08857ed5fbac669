package io.dishtayantra.runtime.calculator;

import io.dishtayantra.api.Calculator;
import io.dishtayantra.api.PluginContext;
import java.util.Map;

/**
 * Wraps a calculator and records its calls, failures and latency in {@link CalculatorMetrics}.
 *
 * <p>Calls and failures are counted exactly. Only one call in {@value #TIMING_INTERVAL} is timed,
 * the first one included, because a {@link System#nanoTime()} pair cost about 200 ns per call on
 * a loaded 2-core virtual machine (JMH, {@code CalculatorCallBenchmark}), a hundred times the cost
 * of calling a trivial calculator. Start and
 * close pass straight through and are not counted. At start the counts are also registered as
 * gauges on the context's {@link io.dishtayantra.api.PluginMetrics}, so they are exported with
 * the component's other metrics: {@code calculator_calls_total}, {@code calculator_failures_total}
 * and {@code calculator_latency_seconds_sum}. Thread-safety is the wrapped calculator's: the
 * metrics assume one call at a time.
 */
public final class MeteredCalculator implements Calculator {

    /** One call in this many is timed. */
    public static final int TIMING_INTERVAL = 64;

    private final Calculator delegate;
    private final CalculatorMetrics metrics;
    private int untilTimed = 1;

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
        context.metrics().gauge("calculator_latency_seconds_sum",
                "Time spent in the calculator, in seconds, estimated from one call in " + TIMING_INTERVAL + ".",
                metrics::totalSeconds);
        delegate.start(context);
    }

    @Override
    public Map<String, Object> calculate(Map<String, Object> input) throws Exception {
        if (--untilTimed > 0) {
            boolean failed = true;
            try {
                Map<String, Object> output = delegate.calculate(input);
                failed = false;
                return output;
            } finally {
                metrics.count(failed);
            }
        }
        untilTimed = TIMING_INTERVAL;
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
