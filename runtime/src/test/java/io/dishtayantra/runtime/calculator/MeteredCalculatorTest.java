package io.dishtayantra.runtime.calculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dishtayantra.api.Calculator;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MeteredCalculatorTest {

    private final Calculator failsOnOdd = input -> {
        if (((Integer) input.get("n")) % 2 == 1) {
            throw new IllegalArgumentException("odd n");
        }
        return input;
    };

    @Test
    void countsCallsAndFailures() throws Exception {
        MeteredCalculator metered = MeteredCalculator.wrap(failsOnOdd);

        for (int n = 0; n < 5; n++) {
            try {
                metered.calculate(Map.of("n", n));
            } catch (IllegalArgumentException expected) {
                // counted as a failure
            }
        }

        assertThat(metered.metrics().calls()).isEqualTo(5);
        assertThat(metered.metrics().failures()).isEqualTo(2);
    }

    @Test
    void everyCallLandsInOneLatencyBucket() throws Exception {
        MeteredCalculator metered = MeteredCalculator.wrap(failsOnOdd);
        for (int i = 0; i < 3; i++) {
            metered.calculate(Map.of("n", 2));
        }

        long bucketed = IntStream.range(0, CalculatorMetrics.BUCKETS).mapToLong(metered.metrics()::bucketCount).sum();

        assertThat(bucketed).isEqualTo(3);
        assertThat(metered.metrics().totalNanos()).isPositive();
    }

    @Test
    void passesResultAndExceptionThrough() throws Exception {
        MeteredCalculator metered = MeteredCalculator.wrap(failsOnOdd);
        Map<String, Object> input = Map.of("n", 4);

        assertThat(metered.calculate(input)).isSameAs(input);
        assertThatThrownBy(() -> metered.calculate(Map.of("n", 1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("odd n");
        assertThat(metered.delegate()).isSameAs(failsOnOdd);
    }

    @Test
    void startRegistersGaugesOnPluginMetrics() throws Exception {
        MeteredCalculator metered = MeteredCalculator.wrap(failsOnOdd);
        TestPluginContext context = TestPluginContext.of("calc", Map.of(), java.nio.file.Path.of("."));
        metered.start(context);

        metered.calculate(Map.of("n", 2));
        assertThatThrownBy(() -> metered.calculate(Map.of("n", 3))).isInstanceOf(IllegalArgumentException.class);

        assertThat(context.gauge("calculator_calls_total")).isEqualTo(2.0);
        assertThat(context.gauge("calculator_failures_total")).isEqualTo(1.0);
        assertThat(context.gauge("calculator_latency_seconds_sum")).isPositive();
    }

    @Test
    void bucketBoundsArePowersOfTwo() {
        CalculatorMetrics metrics = new CalculatorMetrics();
        metrics.record(0, false);
        metrics.record(1, false);
        metrics.record(1000, false);
        metrics.record(Long.MAX_VALUE, true);

        assertThat(metrics.bucketCount(0)).isEqualTo(1);
        assertThat(metrics.bucketCount(1)).isEqualTo(1);
        assertThat(metrics.bucketCount(10)).isEqualTo(1);
        assertThat(CalculatorMetrics.bucketUpperBoundNanos(10)).isEqualTo(1024);
        assertThat(metrics.bucketCount(CalculatorMetrics.BUCKETS - 1)).isEqualTo(1);
        assertThat(metrics.failures()).isEqualTo(1);
    }
}
