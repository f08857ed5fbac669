package io.dishtayantra.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dishtayantra.crd.manifest.ManifestDocument;
import io.dishtayantra.crd.manifest.ManifestLoader;
import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.v1alpha1.DagSpec;
import io.dishtayantra.crd.v1alpha1.EdgeSpec;
import io.dishtayantra.crd.v1alpha1.NodeSpec;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvertCommandTest {

    @TempDir
    Path folder;

    @Test
    void diamondWithPnameConvertsCompletely() {
        CommandRunner result = CommandRunner.run(new ConvertCommand(), original("fx_quote_cleaner.json").toString());
        Dag dag = parse(result.out());
        DagSpec spec = dag.getSpec();

        assertThat(dag.getMetadata().getName()).isEqualTo("fx-quote-cleaner");
        assertThat(dag.getMetadata().getAnnotations()).containsEntry("dishtayantra.io/original-name", "fx_quote_cleaner")
                .containsEntry("dishtayantra.io/description", "Cleans raw FX quotes and adds bid plus ask");
        assertThat(spec.getSubscribers().get(0).getUri()).isEqualTo("mem://queue/raw_quotes");
        assertThat(spec.getSubscribers().get(0).getMaxDepth()).isEqualTo(5000);
        assertThat(spec.getPublishers().get(0).getUri()).isEqualTo("file:///tmp/clean_quotes.jsonl");
        assertThat(spec.getCalculators()).extracting("type").containsExactly("ApplyDefaults", "Addition");
        assertThat(spec.getCalculators().get(1).getConfig()).containsEntry("outputAttribute", "bid_plus_ask")
                .containsEntry("arguments", List.of("bid", "ask"));
        assertThat(spec.getCalculators().get(0).getConfig()).containsEntry("defaults", Map.of("desk", "G10", "bid", 0.0));
        assertThat(spec.getTransformers().get(0).getType()).isEqualTo("AttributeFilter");
        assertThat(spec.getTransformers().get(0).getConfig()).containsKey("keepAttributes");
        assertThat(spec.getNodes()).extracting(NodeSpec::getType).containsExactly("Subscription", "Calculation", "Publication");
        assertThat(spec.getNodes().get(2).getInputTransformers()).containsExactly("slim");
        assertThat(spec.getEdges()).extracting(EdgeSpec::getFrom, EdgeSpec::getTo, EdgeSpec::getAs)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ingest", "px", null),
                        org.assertj.core.groups.Tuple.tuple("ingest", "emit", null),
                        org.assertj.core.groups.Tuple.tuple("px", "emit", "calc"));
        assertThat(result.err()).doesNotContain("not converted").contains("behaviour change: calculators[1]: Addition keeps");
        assertThat(result.out()).doesNotContain("Not converted").contains("# Behaviour changes:");
        assertThat(result.exitCode()).isEqualTo(0);
    }

    @Test
    void publisherSinkNodeAndDefaultsConvert() {
        CommandRunner result = CommandRunner.run(new ConvertCommand(), original("risk_sink.json").toString());
        DagSpec spec = parse(result.out()).getSpec();

        assertThat(spec.getSubscribers().get(0).getUri()).isEqualTo("mem://topic/positions");
        assertThat(spec.getSubscribers().get(0).getMaxDepth()).isEqualTo(1000);
        assertThat(spec.getPublishers().get(1).getConfig()).containsEntry("capacity", 20000);
        assertThat(spec.getCalculators()).extracting("type")
                .containsExactly("AttributeFilterAway", "AttributeNameChange", "Multiplication");
        assertThat(spec.getCalculators().get(1).getConfig()).containsEntry("nameMapping", Map.of("qty", "quantity"));
        assertThat(spec.getTransformers().get(0).getType()).isEqualTo("ApplyDefaults");

        NodeSpec read = spec.getNodes().get(0);
        assertThat(read.getInputTransformers()).isEmpty();
        assertThat(spec.getNodes().get(1).getType()).isEqualTo("Calculation");
        NodeSpec publish = spec.getNodes().get(3);
        assertThat(publish.getType()).isEqualTo("Publication");
        assertThat(publish.getPublishers()).containsExactly("risk_file", "risk_topic");
        assertThat(spec.getNodes().get(4).getType()).isEqualTo("Sink");
        assertThat(spec.getEdges().get(1).getTransformer()).isNull();
        assertThat(spec.getEdges()).extracting(EdgeSpec::getAs).containsExactly(null, null, "risk", "position", null);

        assertThat(result.err()).contains("not converted: subscribers[0].type = \"memory\"")
                .contains("not converted: subscribers[0].config.idle_poll_interval = 0.005")
                .contains("not converted: publishers[0].config.publish_interval = 2")
                .contains("not converted: publishers[0].config.batch_size = 50")
                .contains("not converted: nodes[0].input_transformers[0] = passthru")
                .contains("not converted: edges[1].data_transformer = no_such_transformer")
                .contains("behaviour change: subscribers[0]: mem://positions is written as mem://topic/positions")
                .contains("behaviour change: nodes[3]: the PublisherSinkNode became a Publication node");
        assertThat(result.out()).contains("# Not converted (review before running):")
                .contains("#   - subscribers[0].config.idle_poll_interval = 0.005");
        assertThat(result.exitCode()).isEqualTo(1);
    }

    @Test
    void metronomeAndUnknownCalculatorClassConvert() {
        CommandRunner result = CommandRunner.run(new ConvertCommand(), original("metronome_heartbeat.json").toString());
        Dag dag = parse(result.out());
        DagSpec spec = dag.getSpec();

        assertThat(dag.getMetadata().getAnnotations()).containsEntry("dishtayantra.io/version", "2.1");
        assertThat(spec.getSubscribers().get(0).getUri()).isEqualTo("metronome");
        assertThat(spec.getSubscribers().get(0).getConfig()).containsEntry("interval", "5s");
        NodeSpec beat = spec.getNodes().get(0);
        assertThat(beat.getType()).isEqualTo("Metronome");
        assertThat(beat.getInterval()).isEqualTo("500ms");
        assertThat(beat.getSubscriber()).isNull();
        assertThat(beat.getPublishers()).containsExactly("heartbeat_out");
        assertThat(spec.getCalculators().get(0).getType()).isEqualTo("core.calculator.random_calculator.RandomCalculator");
        assertThat(spec.getCalculators().get(1).getType()).isEqualTo("com.example.risk.ScoreCalculator");
        assertThat(spec.getCalculators().get(1).getConfig()).containsExactly(Map.entry("threshold", 3));

        assertThat(result.err()).contains("not converted: nodes[0].subscriber = ticker: a Metronome node ticks on its own")
                .contains("not converted: calculators[0].type = core.calculator.random_calculator.RandomCalculator: not a"
                        + " built-in calculator here")
                .contains("behaviour change: calculators[1]: the Java class com.example.risk.ScoreCalculator now runs")
                .contains("converted manifest: spec.subscribers[0].name (ticker): The subscriber is not used");
        assertThat(result.out()).contains("# Validation problems of this manifest:");
        assertThat(result.exitCode()).isEqualTo(1);
    }

    @Test
    void scheduleSubgraphsAndUnsupportedPartsAreListed() {
        CommandRunner result = CommandRunner.run(new ConvertCommand(), original("us_equities_session.json").toString());
        Dag dag = parse(result.out());
        DagSpec spec = dag.getSpec();

        assertThat(dag.getMetadata().getName()).isEqualTo("us-equities-session");
        assertThat(spec.getNodes()).extracting(NodeSpec::getName).containsExactly("fills_in", "pnl_calc", "out");
        assertThat(spec.getEdges()).extracting(EdgeSpec::getTo).containsExactly("pnl_calc", "out");
        assertThat(spec.getSubscribers().get(0).getUri()).isEqualTo("kafka://topic/fills");
        assertThat(spec.getSubscribers().get(0).getConfig()).containsEntry("bootstrapServers", "broker:9092");
        assertThat(spec.getTimeWindow().getStart()).isEqualTo("09:30");
        assertThat(spec.getTimeWindow().getDuration()).isEqualTo("6h30m");
        assertThat(spec.getTimeWindow().getTimeZone()).isEqualTo("America/New_York");
        assertThat(spec.getTimeWindow().getDays()).containsExactly("Mon", "Tue", "Wed", "Thu", "Fri");

        assertThat(result.err())
                .doesNotContain("not converted: start_time")
                .contains("not converted: schedule.holiday_calendars = [\"usa\"]: holiday calendars are not converted")
                .contains("not converted: autoclone = {\"ramp_up_time\":\"0900\",\"ramp_count\":2}: the original's ramp")
                .contains("not converted: worker_affinity = ")
                .contains("not converted: _comment = \"Runs during the US cash session only\": comment key")
                .contains("not converted: owner = \"equities-desk\": unknown key")
                .contains("not converted: subscribers[1]: the scheme of lmdb://marks")
                .contains("not converted: calculators[0].type = cpp")
                .contains("not converted: calculators[0].config.cpp_class = \"PnlCalculator\": native bridges")
                .contains("not converted: nodes[1] batch of type BatchingSubscriptionNode")
                .contains("not converted: nodes[2] risk_sub of type SubgraphNode")
                .contains("not converted: nodes[3].config.note = \"x\"")
                .contains("not converted: nodes[4].priority = 1: unknown field")
                .contains("not converted: edges[1] batch → pnl_calc: left out with node batch")
                .contains("not converted: edges[2] fills_in → risk_sub: left out with node risk_sub");
        assertThat(result.exitCode()).isEqualTo(1);
    }

    @Test
    void changeDetectionOptionSetsItWhereTaken() {
        CommandRunner result = CommandRunner.run(new ConvertCommand(), "--change-detection",
                original("risk_sink.json").toString());
        DagSpec spec = parse(result.out()).getSpec();

        assertThat(spec.getNodes()).extracting(NodeSpec::getChangeDetection).containsExactly(true, true, true, true, null);
    }

    @Test
    void severalInputsGoToFolderNamedByDag() throws Exception {
        Path out = folder.resolve("converted");

        CommandRunner result = CommandRunner.run(new ConvertCommand(), original("fx_quote_cleaner.json").toString(),
                original("risk_sink.json").toString(), "-o", out.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(out.resolve("fx-quote-cleaner.yaml")).exists();
        assertThat(Files.readString(out.resolve("risk-sink.yaml"))).startsWith("# Converted from risk_sink.json");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void singleInputWritesFile() throws Exception {
        Path out = folder.resolve("fx.yaml");

        CommandRunner result = CommandRunner.run(new ConvertCommand(), original("fx_quote_cleaner.json").toString(),
                "-o", out.toString());

        assertThat(result.exitCode()).isEqualTo(0);
        assertThat(parse(Files.readString(out)).getMetadata().getName()).isEqualTo("fx-quote-cleaner");
    }

    @Test
    void convertedManifestValidates() throws Exception {
        Path out = folder.resolve("fx.yaml");
        CommandRunner.run(new ConvertCommand(), original("fx_quote_cleaner.json").toString(), "-o", out.toString());

        CommandRunner validation = CommandRunner.run(new ValidateCommand(), out.toString());

        assertThat(validation.out()).contains("all valid");
        assertThat(validation.exitCode()).isEqualTo(0);
    }

    @Test
    void invalidJsonIsReported() throws Exception {
        Path broken = Files.writeString(folder.resolve("broken.json"), "{\"name\": \"x\", ");

        CommandRunner result = CommandRunner.run(new ConvertCommand(), broken.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("broken.json: not valid JSON");
    }

    @Test
    void malformedFileDoesNotStopBatch() throws Exception {
        Path spaced = Files.writeString(folder.resolve("npe2.json"), "{\"name\":\"x\",\"subscribers\":[{\"name\":\"s\","
                + "\"config\":{\"source\":\"file://has space.jsonl\"}}],\"nodes\":[{\"name\":\"a\","
                + "\"type\":\"SubscriptionNode\",\"subscriber\":\"s\"}],\"edges\":[]}");
        Path fast = Files.writeString(folder.resolve("nfe.json"), "{\"name\":\"y\",\"nodes\":[{\"name\":\"b\","
                + "\"type\":\"MetronomeNode\",\"config\":{\"interval\":\"fast\"}}],\"edges\":[]}");
        Path out = folder.resolve("converted");

        CommandRunner result = CommandRunner.run(new ConvertCommand(), spaced.toString(), fast.toString(),
                original("fx_quote_cleaner.json").toString(), "-o", out.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("npe2.json: not converted: subscribers[0].config.source = \"file://has space.jsonl\"")
                .contains("nfe.json: not converted: nodes[0].config.interval = \"fast\": not a number of seconds")
                .doesNotContain("Exception");
        assertThat(out.resolve("fx-quote-cleaner.yaml")).exists();
        assertThat(out.resolve("x.yaml")).exists();
    }

    @Test
    void duplicateKeyIsReported() throws Exception {
        Path twice = Files.writeString(folder.resolve("twice.json"), "{\"name\": \"x\", \"nodes\": [], \"name\": \"y\"}");

        CommandRunner result = CommandRunner.run(new ConvertCommand(), twice.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("twice.json: not valid JSON: Duplicate field 'name'");
    }

    @Test
    void missingInputIsUsageError() {
        CommandRunner result = CommandRunner.run(new ConvertCommand(), folder.resolve("none.json").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("none.json is not a file");
    }

    private static Path original(String name) {
        try {
            return Path.of(ConvertCommandTest.class.getResource("/original-dags/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Dag parse(String yaml) {
        List<ManifestDocument> documents = new ManifestLoader().parse(yaml, Path.of("converted.yaml"));
        assertThat(documents).hasSize(1);
        assertThat(documents.get(0).problems()).as("parse problems of the converted manifest").isEmpty();
        return (Dag) documents.get(0).resource();
    }
}
