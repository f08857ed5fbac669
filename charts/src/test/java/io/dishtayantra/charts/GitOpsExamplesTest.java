package io.dishtayantra.charts;

import io.dishtayantra.crd.manifest.ManifestDocument;
import io.dishtayantra.crd.manifest.ManifestLoader;
import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.v1alpha1.TimeWindow;
import io.dishtayantra.runtime.cli.DishtaYantraCli;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The GitOps examples point at paths that exist, carry chart values the chart accepts, and
 * deploy DAG manifests that load without problems.
 */
class GitOpsExamplesTest {

    private static final Path GITOPS = HelmChart.repositoryRoot().resolve("examples/gitops");

    @Test
    void everyFileHasKindAndName() throws IOException {
        List<Path> files;
        try (Stream<Path> paths = Files.walk(GITOPS)) {
            files = paths.filter(file -> file.toString().endsWith(".yaml"))
                    .filter(file -> !file.startsWith(GITOPS.resolve("ci")))
                    .toList();
        }

        assertThat(files).hasSizeGreaterThanOrEqualTo(6);
        for (Path file : files) {
            List<Map<String, Object>> documents = documents(file);
            assertThat(documents).as(file.toString()).isNotEmpty();
            for (Map<String, Object> document : documents) {
                assertThat(document.get("kind")).as("kind in " + file).isNotNull();
                assertThat(path(document, "metadata.name")).as("metadata.name in " + file).isNotNull();
            }
        }
    }

    @Test
    void ciWorkflowValidatesTheDagsFolder() {
        Map<String, Object> workflow = documents(GITOPS.resolve("ci/validate-dags.yaml")).get(0);
        List<?> steps = (List<?>) path(workflow, "jobs.validate.steps");

        assertThat(steps).anySatisfy(step -> assertThat(String.valueOf(((Map<?, ?>) step).get("run")))
                .contains("validate examples/gitops/dags"));
        assertThat(path(workflow, "on.pull_request.paths")).isEqualTo(List.of("examples/gitops/dags/**"));
    }

    @Test
    void argoApplicationsPointAtChartAndDags() {
        List<Map<String, Object>> applications = documents(GITOPS.resolve("argocd/dishtayantra.yaml"));

        assertThat(applications).extracting(application -> application.get("kind")).containsOnly("Application");
        assertThat(applications).extracting(application -> path(application, "spec.source.path"))
                .containsExactly("charts/dishtayantra", "examples/gitops/dags");
        for (Map<String, Object> application : applications) {
            String sourcePath = (String) path(application, "spec.source.path");
            assertThat(HelmChart.repositoryRoot().resolve(sourcePath)).as(sourcePath).isDirectory();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void argoHelmValuesRender() {
        Map<String, Object> operatorApplication = documents(GITOPS.resolve("argocd/dishtayantra.yaml")).get(0);
        Map<String, Object> values = (Map<String, Object>) path(operatorApplication, "spec.source.helm.valuesObject");

        assertThat(values).isNotEmpty();
        assertThatCode(() -> HelmChart.template(values)).doesNotThrowAnyException();
    }

    @Test
    void fluxKustomizationsPointAtExistingFolders() {
        List<Map<String, Object>> documents = documents(GITOPS.resolve("flux/dishtayantra.yaml"));
        List<Map<String, Object>> kustomizations = documents.stream()
                .filter(document -> "Kustomization".equals(document.get("kind")))
                .toList();

        assertThat(kustomizations).extracting(kustomization -> path(kustomization, "metadata.name"))
                .containsExactly("dishtayantra-operator", "dishtayantra-dags");
        for (Map<String, Object> kustomization : kustomizations) {
            String folder = (String) path(kustomization, "spec.path");
            assertThat(HelmChart.repositoryRoot().resolve(folder).normalize()).as(folder).isDirectory();
        }
        assertThat(path(kustomizations.get(1), "spec.dependsOn")).as("DAGs wait for the operator")
                .isEqualTo(List.of(Map.of("name", "dishtayantra-operator")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void fluxHelmReleaseValuesRender() {
        Map<String, Object> release = documents(GITOPS.resolve("flux/operator/helmrelease.yaml")).get(0);
        String chart = (String) path(release, "spec.chart.spec.chart");
        Map<String, Object> values = (Map<String, Object>) path(release, "spec.values");

        assertThat(HelmChart.repositoryRoot().resolve(chart).normalize()).isEqualTo(HelmChart.chartDirectory());
        assertThatCode(() -> HelmChart.template(values)).doesNotThrowAnyException();
    }

    @Test
    void dagManifestsLoadWithoutProblems() throws IOException {
        List<ManifestDocument> documents = new ManifestLoader().load(GITOPS.resolve("dags"));

        assertThat(documents).hasSizeGreaterThanOrEqualTo(3);
        for (ManifestDocument document : documents) {
            assertThat(document.problems()).as("problems in " + document.location()).isEmpty();
            assertThat(document.resource()).isInstanceOfAny(Dag.class, TimeWindow.class);
        }
    }

    @Test
    void validateCommandAcceptsTheDags() {
        StringWriter output = new StringWriter();
        CommandLine cli = DishtaYantraCli.commandLine();
        cli.setOut(new PrintWriter(output));
        cli.setErr(new PrintWriter(output));

        int status = cli.execute("validate", GITOPS.resolve("dags").toString());

        assertThat(status).as("dishtayantra validate examples/gitops/dags printed:%n%s", output).isZero();
    }

    @Test
    void dagsRunInTheWatchedNamespace() throws IOException {
        for (ManifestDocument document : new ManifestLoader().load(GITOPS.resolve("dags"))) {
            assertThat(document.resource().getMetadata().getNamespace()).as(document.location()).isEqualTo("trading");
        }
    }

    private static List<Map<String, Object>> documents(Path file) {
        try {
            List<Map<String, Object>> documents = new ArrayList<>();
            for (String document : HelmChart.documents(Files.readString(file))) {
                documents.add(HelmChart.readYaml(document));
            }
            return documents;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }

    /** Follows a dotted path such as spec.source.path through nested maps; null when a step is missing. */
    private static Object path(Map<String, Object> document, String dottedPath) {
        Object current = document;
        for (String step : dottedPath.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(step);
        }
        return current;
    }

}
