package io.dishtayantra.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dishtayantra.operator.DagOperator;
import io.dishtayantra.operator.MockCluster;
import io.dishtayantra.operator.OperatorFixture;
import io.dishtayantra.operator.TestDags;
import io.dishtayantra.operator.config.OperatorConfig;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A watched namespace the operator may not read does not stop it from reconciling the others. */
class UnreadableNamespaceTest {

    private static MockCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = new MockCluster();
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void otherNamespacesStillReconciled() throws Exception {
        String readable = MockCluster.uniqueNamespace("readable");
        String forbidden = MockCluster.uniqueNamespace("forbidden");
        var forbiddenStatus = new StatusBuilder().withCode(403).withReason("Forbidden")
                .withMessage("dags.dishtayantra.io is forbidden in namespace " + forbidden).build();
        for (String query : new String[] {"?resourceVersion=0",
                "?allowWatchBookmarks=true&resourceVersion=0&timeoutSeconds=600&watch=true"}) {
            cluster.server().expect().get()
                    .withPath("/apis/dishtayantra.io/v1alpha1/namespaces/" + forbidden + "/dags" + query)
                    .andReturn(403, forbiddenStatus).always();
        }
        KubernetesClient client = cluster.client();
        OperatorConfig config = OperatorFixture.config(readable, false, "solo")
                .withWatchNamespaces(Set.of(readable, forbidden))
                .withCacheSyncTimeout(Duration.ofSeconds(3));

        try (DagOperator operator = OperatorFixture.start(client, config, new AtomicInteger())) {
            client.resource(TestDags.quoteCleaner(readable, "still-running")).create();

            await().atMost(Duration.ofSeconds(30)).until(() ->
                    client.apps().deployments().inNamespace(readable).withName("still-running").get() != null);
            String readiness = get(operator, "/health/ready");
            assertThat(readiness).startsWith("ready");
            assertThat(readiness).contains("namespace " + forbidden);
            assertThat(readiness).doesNotContain("namespace " + readable + " ");
            assertThat(get(operator, "/health/live")).isEqualTo("live\n");
        }
    }

    private static String get(DagOperator operator, String path) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + operator.httpPort() + path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
    }
}
