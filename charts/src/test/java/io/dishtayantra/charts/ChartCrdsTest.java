package io.dishtayantra.charts;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart installs the CRDs generated into the repository's crds/ folder, unchanged apart from
 * labels and the keep policy.
 */
class ChartCrdsTest {

    private static final String KEEP_POLICY = "helm.sh/resource-policy";

    @Test
    void chartCopyMatchesRepositoryCrds() throws IOException {
        Map<String, String> repository = readCrdFiles(HelmChart.repositoryRoot().resolve("crds"));
        Map<String, String> chart = readCrdFiles(HelmChart.chartDirectory().resolve("files/crds"));

        assertThat(repository).as("CRD files in crds/").isNotEmpty();
        assertThat(chart.keySet()).as("CRD files in the chart; run 'make chart-crds' to copy them from crds/")
                .isEqualTo(repository.keySet());
        repository.forEach((file, content) -> assertThat(chart.get(file))
                .as(file + " in the chart differs from crds/; run 'make chart-crds' to copy it")
                .isEqualTo(content));
    }

    @Test
    void renderedCrdsKeepTheRepositorySpec() {
        List<CustomResourceDefinition> rendered = crds(Map.of());
        Map<String, Object> repositoryDag = HelmChart.readYaml(
                HelmChart.repositoryRoot().resolve("crds/dags.dishtayantra.io-v1.yml"));

        assertThat(rendered).extracting(crd -> crd.getMetadata().getName())
                .containsExactlyInAnyOrder("dags.dishtayantra.io", "timewindows.dishtayantra.io");
        Map<String, Object> renderedDag = HelmChart.templateAsMaps(Map.of()).stream()
                .filter(document -> "CustomResourceDefinition".equals(document.get("kind")))
                .filter(document -> "dags.dishtayantra.io".equals(((Map<?, ?>) document.get("metadata")).get("name")))
                .findFirst().orElseThrow();
        assertThat(firstDifference(repositoryDag.get("spec"), renderedDag.get("spec"), "spec"))
                .as("first path where the rendered DAG CRD differs from crds/ (Helm reads YAML numbers as floats,"
                        + " so numbers compare by value)")
                .isNull();
    }

    @Test
    void crdsAreKeptOnUninstallByDefault() {
        for (CustomResourceDefinition crd : crds(Map.of())) {
            assertThat(crd.getMetadata().getAnnotations()).as(crd.getMetadata().getName())
                    .containsEntry(KEEP_POLICY, "keep");
            assertThat(crd.getMetadata().getLabels()).as(crd.getMetadata().getName())
                    .containsEntry("app.kubernetes.io/managed-by", "Helm");
        }
    }

    @Test
    void keepFalseDropsThePolicy() {
        for (CustomResourceDefinition crd : crds(Map.of("crds", Map.of("keep", false)))) {
            assertThat(crd.getMetadata().getAnnotations()).as(crd.getMetadata().getName())
                    .doesNotContainKey(KEEP_POLICY);
        }
    }

    @Test
    void installFalseRendersNoCrds() {
        assertThat(crds(Map.of("crds", Map.of("install", false)))).isEmpty();
    }

    private static List<CustomResourceDefinition> crds(Map<String, Object> values) {
        List<HasMetadata> objects = HelmChart.templateAsObjects(values);
        return objects.stream()
                .filter(CustomResourceDefinition.class::isInstance)
                .map(CustomResourceDefinition.class::cast)
                .toList();
    }

    /** Returns the path of the first difference between two YAML trees, or null when they are equal. */
    private static String firstDifference(Object expected, Object actual, String path) {
        if (expected instanceof Number expectedNumber && actual instanceof Number actualNumber) {
            boolean equal = new BigDecimal(expectedNumber.toString()).compareTo(new BigDecimal(actualNumber.toString())) == 0;
            return equal ? null : path;
        }
        if (expected instanceof Map<?, ?> expectedMap && actual instanceof Map<?, ?> actualMap) {
            if (!expectedMap.keySet().equals(actualMap.keySet())) {
                return path + " keys " + expectedMap.keySet() + " != " + actualMap.keySet();
            }
            for (Object key : expectedMap.keySet()) {
                String difference = firstDifference(expectedMap.get(key), actualMap.get(key), path + "." + key);
                if (difference != null) {
                    return difference;
                }
            }
            return null;
        }
        if (expected instanceof List<?> expectedList && actual instanceof List<?> actualList) {
            if (expectedList.size() != actualList.size()) {
                return path + " size " + expectedList.size() + " != " + actualList.size();
            }
            for (int index = 0; index < expectedList.size(); index++) {
                String difference = firstDifference(expectedList.get(index), actualList.get(index), path + "[" + index + "]");
                if (difference != null) {
                    return difference;
                }
            }
            return null;
        }
        return Objects.equals(expected, actual) ? null : path + ": " + expected + " != " + actual;
    }

    private static Map<String, String> readCrdFiles(Path directory) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(directory)) {
            for (Path path : paths.filter(path -> path.getFileName().toString().endsWith(".yml")).toList()) {
                files.put(path.getFileName().toString(), Files.readString(path));
            }
        }
        return files;
    }
}
