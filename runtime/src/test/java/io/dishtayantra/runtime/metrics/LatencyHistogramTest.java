package io.dishtayantra.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void recordFillsBucketAtOrAbove() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.record(5_000);
        histogram.record(10_000);
        histogram.record(10_001);
        histogram.record(3_000_000_000L);
        long[] counts = histogram.bucketCounts();
        assertThat(counts[0]).isEqualTo(2);
        assertThat(counts[1]).isEqualTo(1);
        assertThat(counts[LatencyHistogram.BUCKETS - 3]).isEqualTo(1);
    }

    @Test
    void timeAboveLastBoundGoesToInfinityBucket() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.record(60_000_000_000L);
        assertThat(histogram.bucketCounts()[LatencyHistogram.BUCKETS - 1]).isEqualTo(1);
    }

    @Test
    void sumIsInSeconds() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.record(1_500_000);
        histogram.record(500_000);
        assertThat(histogram.sumSeconds()).isEqualTo(0.002);
    }

    @Test
    void negativeTimeCountsAsZero() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.record(-5);
        assertThat(histogram.bucketCounts()[0]).isEqualTo(1);
        assertThat(histogram.sumSeconds()).isZero();
    }

    @Test
    void boundsMatchBucketCount() {
        assertThat(LatencyHistogram.UPPER_BOUNDS_SECONDS).hasSize(LatencyHistogram.BUCKETS);
        assertThat(LatencyHistogram.UPPER_BOUNDS_SECONDS[LatencyHistogram.BUCKETS - 1]).isInfinite();
    }
}
