package io.dishtayantra.runtime.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.dishtayantra.crd.manifest.ManifestDocument;
import io.dishtayantra.crd.manifest.ManifestLoader;
import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.validation.ValidationProblem;
import io.dishtayantra.crd.window.WindowSchedule;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class StandaloneWindowsTest {

    private static final String WINDOW = """
            apiVersion: dishtayantra.io/v1alpha1
            kind: TimeWindow
            metadata: {name: london-session}
            spec: {timeZone: Europe/London, start: "08:00", end: "16:30", days: [Mon, Tue, Wed, Thu, Fri]}
            """;

    private static List<ManifestDocument> parse(String yaml) {
        return new ManifestLoader().parse(yaml, Path.of("session.yaml"));
    }

    private static Dag dag(String spec) {
        return (Dag) parse("""
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: quotes}
                spec:
                """ + spec).getFirst().resource();
    }

    @Test
    void referenceResolvesToDocument() {
        StandaloneWindows windows = new StandaloneWindows(parse(WINDOW));
        Dag dag = dag("  timeWindowRef: london-session\n");

        WindowSchedule schedule = windows.scheduleFor(dag).orElseThrow();

        assertThat(windows.problems(dag)).isEmpty();
        assertThat(windows.names()).containsExactly("london-session");
        assertThat(schedule.zone().getId()).isEqualTo("Europe/London");
    }

    @Test
    void missingReferenceIsProblem() {
        StandaloneWindows windows = new StandaloneWindows(List.of());
        Dag dag = dag("  timeWindowRef: london-session\n");

        List<ValidationProblem> problems = windows.problems(dag);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("spec.timeWindowRef");
            assertThat(problem.value()).isEqualTo("london-session");
            assertThat(problem.message()).contains("not found");
        });
    }

    @Test
    void invalidReferencedWindowIsProblem() {
        StandaloneWindows windows = new StandaloneWindows(parse(WINDOW.replace("Europe/London", "Europe/Londres")));
        Dag dag = dag("  timeWindowRef: london-session\n");

        assertThat(windows.problems(dag)).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("spec.timeWindowRef");
            assertThat(problem.message()).contains("session.yaml").contains("spec.timeZone (Europe/Londres)");
        });
    }

    @Test
    void embeddedWindowIsUsed() {
        StandaloneWindows windows = new StandaloneWindows(List.of());
        Dag dag = dag("  timeWindow: {timeZone: America/New_York, start: \"09:30\", duration: 6h30m}\n");

        assertThat(windows.problems(dag)).isEmpty();
        assertThat(windows.scheduleFor(dag).orElseThrow().zone().getId()).isEqualTo("America/New_York");
    }

    @Test
    void invalidEmbeddedWindowIsProblem() {
        StandaloneWindows windows = new StandaloneWindows(List.of());
        Dag dag = dag("  timeWindow: {timeZone: America/New_York, start: \"9:30\", duration: 6h30m}\n");

        assertThat(windows.problems(dag)).extracting(ValidationProblem::path).containsExactly("spec.timeWindow.start");
    }

    @Test
    void dagWithoutWindowAlwaysRuns() {
        StandaloneWindows windows = new StandaloneWindows(parse(WINDOW));
        Dag dag = dag("  suspend: false\n");

        assertThat(windows.problems(dag)).isEmpty();
        assertThat(windows.scheduleFor(dag)).isEmpty();
    }
}
