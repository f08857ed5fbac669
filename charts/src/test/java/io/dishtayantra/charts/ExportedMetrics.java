package io.dishtayantra.charts;

import io.dishtayantra.crd.manifest.ManifestLoader;
import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.operator.metrics.OperatorMetrics;
import io.dishtayantra.runtime.engine.Engine;
import io.dishtayantra.runtime.engine.EngineServices;
import io.dishtayantra.runtime.metrics.DagMetricsCollector;
import io.dishtayantra.runtime.metrics.RuntimeMetrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

/**
 * The metric names DishtaYantra exports, read from real scrapes: the runtime's registry with a
 * DAG running in an engine, and the operator's registry. The DAG reads from a
 * {@link BacklogConnectorKind} subscriber so that the source-lag gauge has a value.
 */
final class ExportedMetrics {

    private ExportedMetrics() {
    }

    /** Returns the sample names of the runtime's /metrics, such as dishtayantra_node_events_in_total. */
    static Set<String> runtime(Path workDirectory) throws IOException {
        Path manifest = workDirectory.resolve("metered.yaml");
        Files.writeString(manifest, """
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata:
                  name: metered
                spec:
                  subscribers:
                    - {name: trades, uri: "backlog://queue/metered-in"}
                  publishers:
                    - {name: priced, uri: "file://out/metered.jsonl"}
                  calculators:
                    - name: notional
                      type: Multiplication
                      config: {arguments: [qty, px], outputAttribute: notional}
                  nodes:
                    - {name: read, type: Subscription, subscriber: trades}
                    - {name: price, type: Calculation, calculator: notional}
                    - {name: write, type: Publication, publishers: [priced]}
                  edges:
                    - {from: read, to: price}
                    - {from: price, to: write}
                """);
        Dag dag = (Dag) new ManifestLoader().load(manifest).get(0).resource();
        try (Engine engine = new Engine(EngineServices.fromClassPath().withStopTimeout(Duration.ofSeconds(2))); RuntimeMetrics metrics = new RuntimeMetrics()) {
            engine.deploy(dag, workDirectory).start();
            metrics.register(new DagMetricsCollector(engine));
            return sampleNames(metrics.scrape());
        }
    }

    /** Returns the sample names of the operator's /metrics. */
    static Set<String> operator() {
        return sampleNames(new OperatorMetrics().scrape());
    }

    /** Returns the metric name of every sample line of a Prometheus text exposition. */
    static Set<String> sampleNames(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                end++;
            }
            names.add(line.substring(0, end));
        }
        return names;
    }
}
