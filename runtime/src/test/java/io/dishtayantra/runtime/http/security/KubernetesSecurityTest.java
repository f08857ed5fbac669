package io.dishtayantra.runtime.http.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.dishtayantra.runtime.http.HttpSettings;
import io.dishtayantra.runtime.http.RuntimeHttpServer;
import io.dishtayantra.runtime.http.TestHttp;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
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

    static RuntimeHttpServer runtime;
    static TestHttp anonymous;
    static KubernetesReviews reviews;

    @BeforeAll
    static void startRuntime() {
        reviews = new KubernetesReviews().install(server);
        runtime = RuntimeHttpServer.start(new HttpSettings("127.0.0.1", 0, HttpSettings.Mode.CLUSTER, dataDirectory, "team-a", null), client);
        anonymous = new TestHttp(runtime.uri());
    }

    @AfterAll
    static void stopRuntime() {
        runtime.close();
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
}
