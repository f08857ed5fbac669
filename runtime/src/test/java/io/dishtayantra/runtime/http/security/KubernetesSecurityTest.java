package io.dishtayantra.runtime.http.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.dishtayantra.runtime.engine.Engine;
import io.dishtayantra.runtime.engine.EngineServices;
import io.dishtayantra.runtime.http.HttpSettings;
import io.dishtayantra.runtime.http.RuntimeHttpServer;
import io.dishtayantra.runtime.http.TestHttp;
import io.dishtayantra.runtime.http.TestRuntime;
import io.dishtayantra.runtime.http.health.LoadingState;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@EnableKubernetesMockClient(crud = true)
class KubernetesSecurityTest {

    static KubernetesMockServer server;
    static KubernetesClient client;

    @TempDir
    static Path dataDirectory;

    static final Engine engine = new Engine(EngineServices.fromClassPath().withStopTimeout(Duration.ofSeconds(2)));
    static RuntimeHttpServer runtime;
    static TestHttp anonymous;
    static KubernetesReviews reviews;

    @BeforeAll
    static void startRuntime() {
        reviews = new KubernetesReviews().install(server);
        LoadingState loading = new LoadingState();
        runtime = RuntimeHttpServer.start(new HttpSettings("127.0.0.1", 0, HttpSettings.Mode.CLUSTER, dataDirectory, "team-a", null),
                engine, loading, client);
        engine.deploy(TestRuntime.dag(TestRuntime.chain("visible")), Path.of(".")).start();
        engine.deploy(TestRuntime.dag(TestRuntime.chain("hidden")), Path.of(".")).start();
        loading.markLoaded();
        anonymous = new TestHttp(runtime.uri());
    }

    @AfterAll
    static void stopRuntime() {
        runtime.close();
        engine.shutdown();
    }

    @Test
    void requestWithoutTokenIsUnauthenticated() {
        TestHttp.Reply reply = anonymous.get("/api/v1/session");
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("message").asText()).contains("kubectl create token");
    }

    @Test
    void unknownTokenIsUnauthenticated() {
        assertThat(anonymous.bearer("not-a-real-token").get("/api/v1/session").status()).isEqualTo(401);
    }

    @Test
    void reviewedTokenIdentifiesUser() {
        TestHttp.Reply reply = anonymous.bearer(KubernetesReviews.BOB_TOKEN).get("/api/v1/session");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("user").asText()).isEqualTo("bob");
        assertThat(reply.json().get("via").asText()).isEqualTo("kubernetes");
    }

    @Test
    void adminPagesNeedPatchOnDags() {
        assertThat(anonymous.bearer(KubernetesReviews.BOB_TOKEN).get("/api/v1/logs").status()).isEqualTo(403);
        assertThat(anonymous.bearer(KubernetesReviews.ALICE_TOKEN).get("/api/v1/logs").status()).isEqualTo(200);
    }

    @Test
    void forbiddenMessageNamesVerbAndNamespace() {
        TestHttp.Reply reply = anonymous.bearer(KubernetesReviews.BOB_TOKEN).get("/api/v1/system");
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().get("message").asText()).contains("patch").contains("team-a");
    }

    @Test
    void passwordLoginIsNotOffered() {
        TestHttp.Reply reply = anonymous.post("/api/v1/session", Map.of("username", "admin", "password", "whatever-password"));
        assertThat(reply.status()).isEqualTo(409);
        assertThat(anonymous.get("/api/v1/info").json().get("mode").asText()).isEqualTo("cluster");
    }

    @Test
    void usersFileIsNotCreatedInCluster() {
        assertThat(Files.exists(dataDirectory.resolve(UserStore.FILE_NAME))).isFalse();
    }

    @Test
    void reviewsAreCachedPerToken() {
        TestHttp carol = anonymous.bearer(KubernetesReviews.CAROL_TOKEN);
        carol.get("/api/v1/dags/visible");
        int tokenReviewsBefore = reviews.tokenReviews();
        int accessReviewsBefore = reviews.accessReviews();
        carol.get("/api/v1/dags/visible");
        assertThat(reviews.tokenReviews()).isEqualTo(tokenReviewsBefore);
        assertThat(reviews.accessReviews()).isEqualTo(accessReviewsBefore);
    }

    @Test
    void dagReadsNeedGetOnThatDag() {
        TestHttp carol = anonymous.bearer(KubernetesReviews.CAROL_TOKEN);
        assertThat(carol.get("/api/v1/dags/visible").status()).isEqualTo(200);
        assertThat(carol.get("/api/v1/dags/hidden").status()).isEqualTo(403);
        assertThat(carol.get("/api/v1/dags").status()).isEqualTo(403);
        assertThat(anonymous.bearer(KubernetesReviews.BOB_TOKEN).get("/api/v1/dags").status()).isEqualTo(200);
    }

    @Test
    void actionsNeedPatch() {
        TestHttp.Reply reply = anonymous.bearer(KubernetesReviews.BOB_TOKEN).post("/api/v1/dags/visible/suspend", null);
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().get("message").asText()).contains("patch dags/visible");
    }

    @Test
    void lifecycleActionsPointToKubectl() {
        TestHttp alice = anonymous.bearer(KubernetesReviews.ALICE_TOKEN);
        TestHttp.Reply suspend = alice.post("/api/v1/dags/visible/suspend", null);
        assertThat(suspend.status()).isEqualTo(409);
        assertThat(suspend.json().get("error").asText()).isEqualTo("managed_by_operator");
        assertThat(suspend.json().get("message").asText())
                .contains("kubectl patch dag visible --type merge -p '{\"spec\":{\"suspend\":true}}'");
        for (String action : new String[] {"resume", "stop", "start"}) {
            assertThat(alice.post("/api/v1/dags/visible/" + action, null).status()).as(action).isEqualTo(409);
        }
        assertThat(engine.get("visible").orElseThrow().state().name()).isEqualTo("RUNNING");
    }

    @Test
    void addDeleteAndCloneAreRejected() {
        TestHttp alice = anonymous.bearer(KubernetesReviews.ALICE_TOKEN);
        TestHttp.Reply add = alice.send("POST", "/api/v1/dags", TestRuntime.chain("newcomer"), "application/yaml");
        assertThat(add.status()).isEqualTo(409);
        assertThat(add.json().get("message").asText()).contains("kubectl apply");
        TestHttp.Reply delete = alice.delete("/api/v1/dags/visible");
        assertThat(delete.status()).isEqualTo(409);
        assertThat(delete.json().get("message").asText()).contains("kubectl delete dag visible");
        assertThat(alice.post("/api/v1/dags/visible/clone", java.util.Map.of("name", "copy")).status()).isEqualTo(409);
        assertThat(engine.get("visible")).isPresent();
        assertThat(engine.get("newcomer")).isEmpty();
    }
}
