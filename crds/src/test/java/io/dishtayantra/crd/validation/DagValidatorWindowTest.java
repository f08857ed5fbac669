package io.dishtayantra.crd.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.dishtayantra.crd.manifest.ManifestDocument;
import io.dishtayantra.crd.manifest.ManifestLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Window checks of DAGs and TimeWindow resources as the validator reports them. */
class DagValidatorWindowTest {

    private static final String DAG = """
            apiVersion: dishtayantra.io/v1alpha1
            kind: DAG
            metadata: {name: demo}
            spec:
              subscribers: [{name: trades, uri: "mem://queue/trades"}]
              publishers: [{name: out, uri: "file://out/trades.jsonl"}]
              nodes:
                - {name: ingest, type: Subscription, subscriber: trades}
                - {name: emit, type: Publication, publishers: [out]}
              edges: [{from: ingest, to: emit}]
            """;

    private final DagValidator validator = new DagValidator(new SmallCatalog());

    private List<String> paths(String yaml) {
        ManifestDocument document = new ManifestLoader().parse(yaml, Path.of("test.yaml")).getFirst();
        assertThat(document.problems()).as("parse problems").isEmpty();
        return validator.validate(document).problems().stream().map(ValidationProblem::path).toList();
    }

    @Test
    void embeddedWindowIsChecked() {
        String yaml = DAG + """
                  timeWindow: {timeZone: Europe/Paris, start: "9:00", end: "17:00", days: [Mon, Someday]}
                """;

        assertThat(paths(yaml)).containsExactly("spec.timeWindow.start", "spec.timeWindow.days[1]");
    }

    @Test
    void validEmbeddedWindowPasses() {
        String yaml = DAG + """
                  timeWindow: {timeZone: Europe/Paris, start: "09:00", end: "17:00", outside: Stop, warmUp: 1m}
                """;

        assertThat(paths(yaml)).isEmpty();
    }

    @Test
    void windowDateIsChecked() {
        String yaml = DAG + """
                  timeWindowRef: paris-session
                  windowDate: "07/12/2026"
                """;

        assertThat(paths(yaml)).containsExactly("spec.windowDate");
    }

    @Test
    void timeWindowResourceIsChecked() {
        String yaml = """
                apiVersion: dishtayantra.io/v1alpha1
                kind: TimeWindow
                metadata: {name: paris-session}
                spec: {timeZone: CET+1, start: "09:00", end: "17:00", duration: 8h}
                """;

        assertThat(paths(yaml)).containsExactly("spec.timeZone", "spec.duration");
    }

    /** Window values that are all wrong: each is reported with its path. */
    private static final String BAD_WINDOW = "{timeZone: Mars/Olympus, start: \"25:00\", end: \"8:00\", duration: 2h,"
            + " days: [Mon, Funday], excludeDates: [\"2026-02-30\"], outside: Pause, warmUp: 2x,"
            + " autoClone: {enabled: true, keep: -1}}";

    private static final List<String> BAD_WINDOW_PATHS = List.of("timeZone", "start", "end", "days[1]",
            "excludeDates[0]", "outside", "warmUp", "autoClone.keep");

    @Test
    void badTimeWindowResourceIsReported() {
        String yaml = """
                apiVersion: dishtayantra.io/v1alpha1
                kind: TimeWindow
                metadata: {name: tw}
                spec: WINDOW
                """.replace("WINDOW", BAD_WINDOW);

        List<String> paths = paths(yaml);

        for (String path : BAD_WINDOW_PATHS) {
            assertThat(paths).as("problem paths").contains("spec." + path);
        }
        assertThat(paths).as("end and duration both set").containsAnyOf("spec.duration", "spec.end");
    }

    @Test
    void badEmbeddedWindowIsReported() {
        List<String> paths = paths(DAG + "  timeWindow: " + BAD_WINDOW + "\n");

        for (String path : BAD_WINDOW_PATHS) {
            assertThat(paths).as("problem paths").contains("spec.timeWindow." + path);
        }
        assertThat(paths).as("end and duration both set")
                .containsAnyOf("spec.timeWindow.duration", "spec.timeWindow.end");
    }
}
