package io.dishtayantra.crd.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dishtayantra.crd.v1alpha1.Dag;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecNormalizerTest {

    private static final String MANIFEST = """
            apiVersion: dishtayantra.io/v1alpha1
            kind: DAG
            metadata:
              name: trades
              namespace: desk
              labels: {team: fx, app: pricing}
              annotations:
                kubectl.kubernetes.io/last-applied-configuration: '{"spec":{}}'
                owner: fx-desk
              uid: 0b4c7c9e-1111-2222-3333-444455556666
              resourceVersion: "812"
              generation: 3
            spec:
              subscribers:
                - {name: quotes, uri: "mem://queue/quotes"}
                - {name: fills, uri: "file://data/fills.jsonl", config: {start: beginning, format: jsonl}}
              publishers:
                - {name: out, uri: "file://out/a.jsonl"}
                - {name: audit, uri: "mem://topic/audit"}
              calculators:
                - {name: total, type: Addition, config: {outputAttribute: sum, arguments: [bid, ask]}}
                - {name: defaults, type: ApplyDefaults, config: {defaults: {desk: G10, book: {}}}}
              transformers:
                - {name: slim, type: AttributeFilter, config: {keepAttributes: [pair, sum]}}
                - {name: rename, type: AttributeNameChange, config: {nameMapping: {px: price}}}
              nodes:
                - {name: ingest, type: Subscription, subscriber: quotes, calculator: defaults}
                - {name: fill-in, type: Subscription, subscriber: fills}
                - {name: sum, type: Calculation, calculator: total, inputTransformers: [rename, slim]}
                - {name: emit, type: Publication, publishers: [out, audit]}
                - {name: tick, type: Metronome, interval: 60s}
                - {name: end, type: Sink}
              edges:
                - {from: ingest, to: sum}
                - {from: fill-in, to: sum, as: fill}
                - {from: sum, to: emit}
                - {from: sum, to: end}
              timeWindow: {timeZone: Europe/London, start: "08:00", end: "16:30", days: [Fri, Mon, Wed], excludeDates: [2026-12-25, 2026-01-01]}
            status: {phase: Running, observedGeneration: 3}
            """;

    private final SpecNormalizer normalizer = new SpecNormalizer();

    @Test
    void fillsDefaultsExplicitly() {
        String yaml = normalize(MANIFEST).yaml();

        assertThat(yaml).contains("suspend: false").contains("maxDepth: 10000").contains("replicas: 1")
                .contains("parallelism: 1").contains("leaseDuration: \"15s\"").contains("outside: \"Suspend\"");
    }

    @Test
    void changeDetectionDefaultOnlyWhereTypeTakesIt() {
        Dag dag = reparse(normalize(MANIFEST).yaml());

        assertThat(dag.getSpec().getNodes()).filteredOn(node -> List.of("ingest", "sum", "emit").contains(node.getName()))
                .allSatisfy(node -> assertThat(node.getChangeDetection()).isFalse());
        assertThat(dag.getSpec().getNodes()).filteredOn(node -> List.of("tick", "end").contains(node.getName()))
                .allSatisfy(node -> assertThat(node.getChangeDetection()).isNull());
    }

    @Test
    void dropsStatusAndOtherMetadata() {
        String yaml = normalize(MANIFEST).yaml();

        assertThat(yaml).doesNotContain("status").doesNotContain("uid").doesNotContain("resourceVersion")
                .doesNotContain("generation").doesNotContain("last-applied-configuration");
        assertThat(yaml).contains("namespace: \"desk\"").contains("owner: \"fx-desk\"").contains("team: \"fx\"");
    }

    @Test
    void sortsUnorderedListsAndKeepsOrderedOnes() {
        Dag dag = reparse(normalize(MANIFEST).yaml());

        assertThat(dag.getSpec().getSubscribers()).extracting("name").containsExactly("fills", "quotes");
        assertThat(dag.getSpec().getPublishers()).extracting("name").containsExactly("audit", "out");
        assertThat(dag.getSpec().getCalculators()).extracting("name").containsExactly("defaults", "total");
        assertThat(dag.getSpec().getNodes()).extracting("name").containsExactly("ingest", "fill-in", "sum", "emit", "tick", "end");
        assertThat(dag.getSpec().getNodes().get(2).getInputTransformers()).containsExactly("rename", "slim");
        assertThat(dag.getSpec().getNodes().get(3).getPublishers()).containsExactly("audit", "out");
        assertThat(dag.getSpec().getEdges()).extracting("to").containsExactly("sum", "sum", "emit", "end");
        assertThat(dag.getSpec().getCalculators().get(1).getConfig().get("arguments")).isEqualTo(List.of("bid", "ask"));
        assertThat(dag.getSpec().getTimeWindow().getDays()).containsExactly("Mon", "Wed", "Fri");
        assertThat(dag.getSpec().getTimeWindow().getExcludeDates()).containsExactly("2026-01-01", "2026-12-25");
    }

    @Test
    void sortsConfigKeysAndKeepsEmptyConfigValues() {
        String yaml = normalize(MANIFEST).yaml();

        assertThat(yaml.indexOf("arguments:")).isLessThan(yaml.indexOf("outputAttribute:"));
        assertThat(yaml.indexOf("format: \"jsonl\"")).isLessThan(yaml.indexOf("start: \"beginning\""));
        assertThat(yaml).contains("book: {}");
    }

    @Test
    void stringsThatLookLikeOtherTypesStayStrings() {
        List<String> texts = List.of("123", "1.5", "-7", "1e3", "0x1F", "08:00", "true", "yes", "no", "off", "null", "~", "");
        StringBuilder config = new StringBuilder();
        for (int i = 0; i < texts.size(); i++) {
            config.append(i == 0 ? "" : ", ").append("k").append(i).append(": \"").append(texts.get(i)).append('"');
        }
        String manifest = MANIFEST.replace("config: {start: beginning, format: jsonl}", "config: {" + config + ", n: 123, b: true}");

        Dag dag = reparse(normalize(manifest).yaml());

        var fills = dag.getSpec().getSubscribers().get(0).getConfig();
        for (int i = 0; i < texts.size(); i++) {
            assertThat(fills.get("k" + i)).as(texts.get(i)).isEqualTo(texts.get(i));
        }
        assertThat(fills.get("n")).isEqualTo(123);
        assertThat(fills.get("b")).isEqualTo(true);
    }

    @Test
    void writesDurationsInOneForm() {
        assertThat(reparse(normalize(MANIFEST).yaml()).getSpec().getNodes().get(4).getInterval()).isEqualTo("1m");
    }

    @Test
    void normalizedYamlParsesWithoutProblems() {
        List<ManifestDocument> documents = new ManifestLoader().parse(normalize(MANIFEST).yaml(), Path.of("n.yaml"));

        assertThat(documents.get(0).problems()).isEmpty();
    }

    @Test
    void normalizingTwiceChangesNothing() {
        NormalizedManifest once = normalize(MANIFEST);
        NormalizedManifest twice = normalizer.normalize(reparse(once.yaml()));

        assertThat(twice.yaml()).isEqualTo(once.yaml());
        assertThat(twice.specHash()).isEqualTo(once.specHash());
    }

    @Test
    void reapplyHashesTheSame() {
        assertThat(normalize(MANIFEST).specHash()).isEqualTo(normalize(MANIFEST).specHash());
        assertThat(normalize(MANIFEST).specHash()).matches("[0-9a-f]{64}");
    }

    @Test
    void metadataOnlyChangeHashesTheSame() {
        String relabelled = MANIFEST.replace("labels: {team: fx, app: pricing}", "labels: {team: rates}")
                .replace("owner: fx-desk", "owner: rates-desk")
                .replace("resourceVersion: \"812\"", "resourceVersion: \"900\"")
                .replace("status: {phase: Running, observedGeneration: 3}", "status: {phase: Failed}");

        assertThat(normalize(relabelled).specHash()).isEqualTo(normalize(MANIFEST).specHash());
    }

    @Test
    void reorderingAndSpelledOutDefaultsHashTheSame() {
        String reordered = MANIFEST
                .replace("""
                    - {name: quotes, uri: "mem://queue/quotes"}
                    - {name: fills, uri: "file://data/fills.jsonl", config: {start: beginning, format: jsonl}}
                """, """
                    - {name: fills, uri: "file://data/fills.jsonl", config: {format: jsonl, start: beginning}, maxDepth: 10000}
                    - {name: quotes, uri: "mem://queue/quotes", config: {}}
                """)
                .replace("publishers: [out, audit]", "publishers: [audit, out], changeDetection: false")
                .replace("interval: 60s", "interval: 1m")
                .replace("spec:\n", "spec:\n  suspend: false\n  runtime: {replicas: 1}\n");

        assertThat(normalize(reordered).specHash()).isEqualTo(normalize(MANIFEST).specHash());
    }

    @Test
    void realSpecChangesHashDifferently() {
        String hash = normalize(MANIFEST).specHash();
        List<String> changed = List.of(
                MANIFEST.replace("mem://queue/quotes", "mem://queue/quotes2"),
                MANIFEST.replace("arguments: [bid, ask]", "arguments: [ask, bid]"),
                MANIFEST.replace("inputTransformers: [rename, slim]", "inputTransformers: [slim, rename]"),
                MANIFEST.replace("spec:\n", "spec:\n  suspend: true\n"),
                MANIFEST.replace("- {name: quotes, uri: \"mem://queue/quotes\"}", "- {name: quotes, uri: \"mem://queue/quotes\", maxDepth: 50}"),
                MANIFEST.replace("""
                    - {from: ingest, to: sum}
                    - {from: fill-in, to: sum, as: fill}
                """, """
                    - {from: fill-in, to: sum, as: fill}
                    - {from: ingest, to: sum}
                """),
                MANIFEST.replace("as: fill}", "as: fills}"),
                MANIFEST.replace("book: {}", "book: null"),
                MANIFEST.replace("end: \"16:30\"", "end: \"17:00\""));

        for (String manifest : changed) {
            assertThat(normalize(manifest).specHash()).as(manifest).isNotEqualTo(hash);
        }
    }

    @Test
    void inputDagIsNotModified() {
        Dag dag = reparse(MANIFEST);

        normalizer.normalize(dag);

        assertThat(dag.getSpec().getSuspend()).isNull();
        assertThat(dag.getSpec().getSubscribers()).extracting("name").containsExactly("quotes", "fills");
        assertThat(dag.getStatus().getPhase()).isEqualTo("Running");
    }

    private NormalizedManifest normalize(String yaml) {
        return normalizer.normalize(reparse(yaml));
    }

    private static Dag reparse(String yaml) {
        List<ManifestDocument> documents = new ManifestLoader().parse(yaml, Path.of("test.yaml"));
        assertThat(documents.get(0).problems()).isEmpty();
        return (Dag) documents.get(0).resource();
    }
}
