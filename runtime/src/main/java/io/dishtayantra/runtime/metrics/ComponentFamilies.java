package io.dishtayantra.runtime.metrics;

import io.dishtayantra.runtime.engine.ComponentMetrics;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Groups the counters and gauges that components of all DAGs registered into one Prometheus
 * family per metric name, labelled with the DAG and the component (such as {@code publisher/out}).
 * A name used as a counter by one component and as a gauge by another keeps the first kind seen.
 * The other component's samples are left out, because a family has one type, and so is a second
 * sample with the same labels. Not thread-safe:
 * build one per scrape.
 */
final class ComponentFamilies {

    static final String PREFIX = "dishtayantra_component_";

    private final Map<String, List<Map.Entry<Labels, Long>>> counters = new TreeMap<>();
    private final Map<String, List<Map.Entry<Labels, Double>>> gauges = new TreeMap<>();

    void add(String dag, String component, ComponentMetrics metrics) {
        Labels labels = Labels.of("dag", dag, "component", component);
        metrics.counterValues().forEach((name, value) -> {
            String family = familyName(name);
            if (!gauges.containsKey(family) && !contains(counters.get(family), labels)) {
                counters.computeIfAbsent(family, ignored -> new ArrayList<>()).add(Map.entry(labels, value));
            }
        });
        metrics.gaugeValues().forEach((name, value) -> {
            String family = familyName(name);
            if (!counters.containsKey(family) && !contains(gauges.get(family), labels)) {
                gauges.computeIfAbsent(family, ignored -> new ArrayList<>()).add(Map.entry(labels, value));
            }
        });
    }

    /** Checks whether a family already has a sample with these labels, as when a component registers x and x_total. */
    private static boolean contains(List<? extends Map.Entry<Labels, ?>> samples, Labels labels) {
        return samples != null && samples.stream().anyMatch(sample -> sample.getKey().equals(labels));
    }

    List<MetricSnapshot> build() {
        List<MetricSnapshot> snapshots = new ArrayList<>();
        counters.forEach((name, samples) -> {
            CounterSnapshot.Builder builder = CounterSnapshot.builder().name(name).help("Counter registered by DAG components.");
            samples.forEach(sample -> builder.dataPoint(CounterDataPointSnapshot.builder()
                    .labels(sample.getKey()).value(sample.getValue()).build()));
            snapshots.add(builder.build());
        });
        gauges.forEach((name, samples) -> {
            GaugeSnapshot.Builder builder = GaugeSnapshot.builder().name(name).help("Gauge registered by DAG components.");
            samples.forEach(sample -> builder.dataPoint(GaugeDataPointSnapshot.builder()
                    .labels(sample.getKey()).value(sample.getValue()).build()));
            snapshots.add(builder.build());
        });
        return snapshots;
    }

    /** Returns a valid Prometheus name: invalid characters become '_', and a trailing _total is dropped (the format adds it). */
    static String familyName(String metricName) {
        String name = PREFIX + metricName.replaceAll("[^a-zA-Z0-9_]", "_");
        return name.endsWith("_total") ? name.substring(0, name.length() - "_total".length()) : name;
    }
}
