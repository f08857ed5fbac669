package io.dishtayantra.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The startup check of the installed DAG CRD. */
class CrdCheckTest {

    private static final Path DAG_CRD = Path.of("..").toAbsolutePath().normalize()
            .resolve("crds/dags.dishtayantra.io-v1.yml");

    @Test
    void missingCrdReported() {
        try (MockCluster cluster = new MockCluster()) {
            assertThat(CrdCheck.problems(cluster.client()))
                    .singleElement().asString().contains("is not installed").contains("kubectl apply -f crds/");
        }
    }

    @Test
    void currentCrdAccepted() {
        try (MockCluster cluster = new MockCluster(true)) {
            assertThat(CrdCheck.problems(cluster.client())).isEmpty();
        }
    }

    @Test
    void olderCrdListsMissingFields() throws IOException {
        try (MockCluster cluster = new MockCluster()) {
            KubernetesClient client = cluster.client();
            CustomResourceDefinition crd;
            try (InputStream in = Files.newInputStream(DAG_CRD)) {
                crd = client.apiextensions().v1().customResourceDefinitions().load(in).item();
            }
            var status = crd.getSpec().getVersions().getFirst().getSchema().getOpenAPIV3Schema()
                    .getProperties().get("status");
            status.getProperties().remove("specHash");
            status.getProperties().remove("conditions");
            client.resource(crd).create();

            assertThat(CrdCheck.problems(client))
                    .contains("CRD dags.dishtayantra.io v1alpha1 lacks field status.specHash")
                    .contains("CRD dags.dishtayantra.io v1alpha1 lacks field status.conditions")
                    .anySatisfy(problem -> assertThat(problem).contains("kubectl replace -f crds/"));
        }
    }
}
