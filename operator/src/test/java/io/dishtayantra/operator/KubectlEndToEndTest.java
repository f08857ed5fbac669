package io.dishtayantra.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dishtayantra.crd.v1alpha1.Dag;
import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.APIVersionsBuilder;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscoveryBuilder;
import io.fabric8.kubernetes.api.model.ServerAddressByClientCIDRBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the mock API server with the real kubectl binary, as a user would: apply the CRDs and
 * an example DAG, let the operator reconcile it, read the status back with {@code kubectl get}.
 *
 * <p>The mock has no discovery and no server-side table printing, so discovery documents are
 * stubbed here and {@link ServerSidePrinting} builds the tables from the CRD's printer columns.
 * The test also passes those columns to kubectl as {@code -o custom-columns}, so that kubectl
 * itself evaluates their JSON paths.
 */
class KubectlEndToEndTest {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Path EXAMPLE = REPOSITORY.resolve("examples/operator/quote-cleaner.yaml");
    private static final Path TRADE_ENRICHMENT = REPOSITORY.resolve("examples/trade-enrichment.yaml");
    private static MockCluster cluster;

    @TempDir
    Path temporary;

    @BeforeAll
    static void startCluster() {
        cluster = new MockCluster(false, crud -> new ServerSidePrinting(crud, REPOSITORY.resolve("crds")));
        stubDiscovery(cluster);
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void kubectlApplyThenGetShowsStatus() throws Exception {
        String namespace = MockCluster.uniqueNamespace("kubectl");
        KubernetesClient client = cluster.client();
        Path kubeconfig = writeKubeconfig();
        AtomicInteger exits = new AtomicInteger();

        try (DagOperator operator = OperatorFixture.start(client, OperatorFixture.config(namespace, false, "e2e"), exits)) {
            Result apply = kubectl(kubeconfig, "apply", "--validate=false", "-n", namespace,
                    "-f", REPOSITORY.resolve("crds").toString(), "-f", EXAMPLE.toString(),
                    "-f", TRADE_ENRICHMENT.toString());
            assertThat(apply.exitCode()).as("kubectl apply: %s", apply.output()).isZero();
            assertThat(apply.output()).contains("customresourcedefinition.apiextensions.k8s.io/dags.dishtayantra.io created")
                    .contains("dag.dishtayantra.io/quote-cleaner created")
                    .contains("dag.dishtayantra.io/trade-enrichment created");
            assertThat(CrdCheck.problems(client)).as("installed CRD check").isEmpty();

            for (String name : List.of("quote-cleaner", "trade-enrichment")) {
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                    Dag dag = client.resources(Dag.class).inNamespace(namespace).withName(name).get();
                    assertThat(dag.getStatus()).as("status of " + name).isNotNull();
                    assertThat(dag.getStatus().getPhase()).as("phase of " + name).isEqualTo("Pending");
                });
            }

            Result get = kubectl(kubeconfig, "get", "dag", "quote-cleaner", "-n", namespace,
                    "-o", "custom-columns=" + printerColumns());
            assertThat(get.exitCode()).as("kubectl get: %s", get.output()).isZero();
            List<String> lines = get.output().lines().toList();
            assertThat(lines.getFirst().split("\\s+")).containsExactly("NAME", "PHASE", "READY", "WINDOW", "AGE", "MESSAGE");
            assertThat(lines.get(1)).startsWith("quote-cleaner").contains("Pending").contains("0/2").contains("Always")
                    .contains("Waiting for runtime pods");

            Result table = kubectl(kubeconfig, "get", "dag", "-n", namespace);
            assertThat(table.exitCode()).as("kubectl get dag: %s", table.output()).isZero();
            List<String> rows = table.output().lines().toList();
            assertThat(rows.getFirst().split("\\s+")).containsExactly("NAME", "PHASE", "READY", "WINDOW", "AGE", "MESSAGE");
            assertThat(rows).anySatisfy(row -> assertThat(row).startsWith("quote-cleaner").contains("Pending")
                    .contains("0/2").contains("Always").contains("Waiting for runtime pods"));
            assertThat(rows).anySatisfy(row -> assertThat(row).startsWith("trade-enrichment").contains("Pending")
                    .contains("0/1"));

            Result phase = kubectl(kubeconfig, "get", "dag", "quote-cleaner", "-n", namespace,
                    "-o", "jsonpath={.status.phase} {.status.conditions[?(@.type==\"Valid\")].status}");
            assertThat(phase.output()).isEqualTo("Pending True");

            Result reapply = kubectl(kubeconfig, "apply", "--validate=false", "-n", namespace, "-f", EXAMPLE.toString());
            assertThat(reapply.output()).contains("dag.dishtayantra.io/quote-cleaner unchanged");
        }
        assertThat(exits.get()).isZero();
    }

    /** NAME plus the CRD's printer columns, in the CRD's order, as kubectl custom-columns. */
    private static String printerColumns() throws IOException {
        JsonNode crd = new ObjectMapper(new YAMLFactory())
                .readTree(REPOSITORY.resolve("crds/dags.dishtayantra.io-v1.yml").toFile());
        List<String> columns = new ArrayList<>(List.of("NAME:.metadata.name"));
        for (JsonNode column : crd.path("spec").path("versions").get(0).path("additionalPrinterColumns")) {
            columns.add(column.path("name").asText().toUpperCase() + ":" + column.path("jsonPath").asText());
        }
        return String.join(",", columns);
    }

    private Path writeKubeconfig() throws IOException {
        String server = cluster.client().getMasterUrl().toString().replaceAll("/$", "");
        Path file = temporary.resolve("kubeconfig");
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: mock
                    cluster:
                      server: %s
                contexts:
                  - name: mock
                    context:
                      cluster: mock
                      user: tester
                current-context: mock
                users:
                  - name: tester
                    user:
                      token: not-checked-by-the-mock
                """.formatted(server));
        return file;
    }

    private record Result(int exitCode, String output) {
    }

    private Result kubectl(Path kubeconfig, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kubectl", "--kubeconfig", kubeconfig.toString(),
                "--cache-dir", temporary.resolve("kube-cache").toString()));
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("kubectl is not on the PATH; install kubectl 1.32 (https://kubernetes.io/docs/tasks/tools/)", e);
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("kubectl " + String.join(" ", arguments) + " did not finish in 60 s");
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** Stubs the discovery documents kubectl reads before apply and get, with kubectl's timeout query in each path. */
    private static void stubDiscovery(MockCluster cluster) {
        var server = cluster.server();
        server.expect().get().withPath("/api?timeout=32s").andReturn(200, new APIVersionsBuilder()
                .withVersions("v1")
                .withServerAddressByClientCIDRs(new ServerAddressByClientCIDRBuilder()
                        .withClientCIDR("0.0.0.0/0").withServerAddress("127.0.0.1").build())
                .build()).always();
        server.expect().get().withPath("/apis?timeout=32s").andReturn(200, new APIGroupListBuilder()
                .addToGroups(group("apiextensions.k8s.io", "v1"), group(Dag.GROUP, Dag.VERSION))
                .build()).always();
        server.expect().get().withPath("/api/v1?timeout=32s").andReturn(200, new APIResourceListBuilder()
                .withGroupVersion("v1")
                .addToResources(resource("namespaces", "Namespace", false), resource("configmaps", "ConfigMap", true),
                        resource("events", "Event", true), resource("services", "Service", true))
                .build()).always();
        server.expect().get().withPath("/apis/apiextensions.k8s.io/v1?timeout=32s").andReturn(200, new APIResourceListBuilder()
                .withGroupVersion("apiextensions.k8s.io/v1")
                .addToResources(resource("customresourcedefinitions", "CustomResourceDefinition", false))
                .build()).always();
        APIResource dags = resource("dags", "DAG", true);
        dags.setSingularName("dag");
        dags.setShortNames(List.of("dag"));
        APIResource timeWindows = resource("timewindows", "TimeWindow", true);
        timeWindows.setSingularName("timewindow");
        timeWindows.setShortNames(List.of("tw"));
        server.expect().get().withPath("/apis/dishtayantra.io/v1alpha1?timeout=32s").andReturn(200, new APIResourceListBuilder()
                .withGroupVersion(Dag.API_VERSION)
                .addToResources(dags, timeWindows)
                .build()).always();
    }

    private static io.fabric8.kubernetes.api.model.APIGroup group(String name, String version) {
        var groupVersion = new GroupVersionForDiscoveryBuilder().withGroupVersion(name + "/" + version)
                .withVersion(version).build();
        return new APIGroupBuilder().withName(name).withVersions(groupVersion).withPreferredVersion(groupVersion).build();
    }

    private static APIResource resource(String plural, String kind, boolean namespaced) {
        return new APIResourceBuilder().withName(plural).withKind(kind).withNamespaced(namespaced)
                .withVerbs("create", "delete", "get", "list", "patch", "update", "watch").build();
    }
}
