package io.dishtayantra.charts;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code helm lint --strict} for each scenario. helm-java's lint takes no values file, so each
 * scenario lints a copy of the chart whose values.yaml has the scenario's values merged in.
 */
class ChartLintTest {

    @TempDir
    Path workDirectory;

    @ParameterizedTest
    @EnumSource(ChartScenario.class)
    void strictLintPasses(ChartScenario scenario) throws IOException {
        Path chart = copyChartWithValues(scenario.chartValues());

        LintResult result = new Helm(chart).lint().strict().call();

        assertThat(result.getMessages()).as("lint messages").noneMatch(message -> message.contains("[ERROR]")
                || message.contains("[WARNING]"));
        assertThat(result.isFailed()).as("lint failed: " + result.getMessages()).isFalse();
    }

    private Path copyChartWithValues(Map<String, Object> values) throws IOException {
        Path source = HelmChart.chartDirectory();
        Path target = workDirectory.resolve("dishtayantra");
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path copy = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy);
                }
            }
        }
        Map<String, Object> defaults = HelmChart.readYaml(source.resolve("values.yaml"));
        Files.writeString(target.resolve("values.yaml"), HelmChart.writeYaml(HelmChart.deepMerge(defaults, values)));
        return target;
    }

}
