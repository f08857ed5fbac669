package io.dishtayantra.runtime.http.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.dishtayantra.runtime.http.TestHttp;
import io.dishtayantra.runtime.http.TestRuntime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DagApiTest {

    @TempDir
    static Path dataDirectory;

    static TestRuntime runtime;

    @BeforeAll
    static void start() {
        runtime = new TestRuntime(dataDirectory);
        runtime.start(TestRuntime.chain("orders"));
        runtime.start(TestRuntime.chain("lifecycle"));
        runtime.loading.markLoaded();
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> names = new ArrayList<>();
        array.forEach(item -> names.add(item.get(field).asText()));
        return names;
    }

    @Test
    void listNeedsCredentials() {
        assertThat(runtime.anonymous.get("/api/v1/dags").status()).isEqualTo(401);
    }

    @Test
    void listShowsStateAndCounters() {
        JsonNode dags = runtime.viewer.get("/api/v1/dags").json().get("dags");
        assertThat(names(dags, "name")).contains("orders", "lifecycle");
        JsonNode orders = dags.get(names(dags, "name").indexOf("orders"));
        assertThat(orders.get("state").asText()).isEqualTo("RUNNING");
        assertThat(orders.get("nodeCount").asInt()).isEqualTo(3);
        assertThat(orders.has("eventsIn")).isTrue();
        assertThat(orders.has("eventsFailed")).isTrue();
    }

    @Test
    void detailsShowGraphNodesAndConnectors() {
        JsonNode dag = runtime.viewer.get("/api/v1/dags/orders").json();
        List<String> order = new ArrayList<>();
        dag.get("topologicalOrder").forEach(name -> order.add(name.asText()));
        assertThat(order).containsExactly("ingest", "add", "emit");
        assertThat(names(dag.get("nodes"), "name")).containsExactly("ingest", "add", "emit");
        assertThat(dag.get("edges").get(0).get("from").asText()).isEqualTo("ingest");
        JsonNode ingest = dag.get("nodes").get(0);
        assertThat(ingest.get("type").asText()).isEqualTo("Subscription");
        assertThat(ingest.get("queueCapacity").asInt()).isPositive();
        assertThat(ingest.get("lastErrors").isArray()).isTrue();
        assertThat(names(dag.get("connectors"), "name")).containsExactly("in", "out");
        assertThat(dag.get("connectors").get(0).get("connected").asBoolean()).isTrue();
        assertThat(dag.get("window").isNull()).isTrue();
    }

    @Test
    void detailsRedactSecretConfig() {
        String body = runtime.viewer.get("/api/v1/dags/orders").body();
        assertThat(body).doesNotContain("s3cr3t-value");
        assertThat(body).contains("\"apiToken\":\"******\"");
        assertThat(body).contains("\"region\":\"eu\"");
    }

    @Test
    void unknownDagIsNotFound() {
        TestHttp.Reply reply = runtime.viewer.get("/api/v1/dags/no-such-dag");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("error").asText()).isEqualTo("not_found");
        assertThat(reply.json().get("message").asText()).contains("no-such-dag");
    }

    @Test
    void unknownActionIsNotFound() {
        assertThat(runtime.admin.post("/api/v1/dags/orders/explode", null).status()).isEqualTo(404);
    }

    @Test
    void viewerCannotAct() {
        for (String action : List.of("suspend", "resume", "stop", "start")) {
            TestHttp.Reply reply = runtime.viewer.post("/api/v1/dags/lifecycle/" + action, null);
            assertThat(reply.status()).as(action).isEqualTo(403);
        }
        assertThat(runtime.viewer.delete("/api/v1/dags/lifecycle").status()).isEqualTo(403);
        assertThat(runtime.viewer.post("/api/v1/dags/lifecycle/clone", Map.of("name", "x")).status()).isEqualTo(403);
        assertThat(runtime.anonymous.post("/api/v1/dags/lifecycle/suspend", null).status()).isEqualTo(401);
    }

    @Test
    void lifecycleActionsChangeState() {
        TestHttp admin = runtime.admin;
        assertThat(admin.post("/api/v1/dags/lifecycle/suspend", null).json().get("state").asText()).isEqualTo("SUSPENDED");
        assertThat(admin.post("/api/v1/dags/lifecycle/suspend", null).status()).isEqualTo(200);
        assertThat(admin.post("/api/v1/dags/lifecycle/resume", null).json().get("state").asText()).isEqualTo("RUNNING");
        TestHttp.Reply startWhileRunning = admin.post("/api/v1/dags/lifecycle/start", null);
        assertThat(startWhileRunning.status()).isEqualTo(409);
        assertThat(startWhileRunning.json().get("message").asText()).contains("lifecycle").contains("RUNNING");
        assertThat(admin.post("/api/v1/dags/lifecycle/stop", null).json().get("state").asText()).isEqualTo("STOPPED");
        TestHttp.Reply resumeStopped = admin.post("/api/v1/dags/lifecycle/resume", null);
        assertThat(resumeStopped.status()).isEqualTo(409);
        assertThat(admin.post("/api/v1/dags/lifecycle/start", null).json().get("state").asText()).isEqualTo("RUNNING");
    }

    @Test
    void addStartsValidManifest() {
        TestHttp.Reply reply = runtime.admin.send("POST", "/api/v1/dags", TestRuntime.chain("added"), "application/yaml");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.header("Location")).isEqualTo("/api/v1/dags/added");
        assertThat(reply.json().get("state").asText()).isEqualTo("RUNNING");
        assertThat(runtime.engine.get("added")).isPresent();
    }

    @Test
    void addListsEveryProblem() {
        String manifest = TestRuntime.chain("broken")
                .replace("calculator: sum}", "calculator: missing-calculator}")
                .replace("{from: add, to: emit}", "{from: add, to: nowhere}");
        TestHttp.Reply reply = runtime.admin.send("POST", "/api/v1/dags", manifest, "application/yaml");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).isEqualTo("invalid_manifest");
        List<String> paths = names(reply.json().get("problems"), "path");
        assertThat(paths).contains("spec.nodes[1].calculator", "spec.edges[1].to");
        assertThat(runtime.engine.get("broken")).isEmpty();
    }

    @Test
    void addRejectsUnparsableBody() {
        TestHttp.Reply reply = runtime.admin.send("POST", "/api/v1/dags", "kind: [unclosed", "application/yaml");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("message").asText()).isNotBlank();
    }

    @Test
    void addRejectsTakenName() {
        TestHttp.Reply reply = runtime.admin.send("POST", "/api/v1/dags", TestRuntime.chain("orders"), "application/yaml");
        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json().get("message").asText()).contains("orders");
    }

    @Test
    void deleteRemovesDag() {
        runtime.start(TestRuntime.chain("doomed"));
        assertThat(runtime.admin.delete("/api/v1/dags/doomed").status()).isEqualTo(204);
        assertThat(runtime.viewer.get("/api/v1/dags/doomed").status()).isEqualTo(404);
        assertThat(runtime.admin.delete("/api/v1/dags/doomed").status()).isEqualTo(404);
    }

    @Test
    void cloneCopiesDagWithNewWindow() {
        Map<String, Object> window = Map.of("timeZone", "Europe/London", "start", "09:00", "end", "17:00", "days", List.of("Mon", "Tue"));
        TestHttp.Reply reply = runtime.admin.post("/api/v1/dags/orders/clone", Map.of("name", "orders-copy", "timeWindow", window));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        JsonNode clone = runtime.viewer.get("/api/v1/dags/orders-copy").json();
        assertThat(clone.get("window").asText()).isEqualTo("09:00-17:00 Europe/London on Mon, Tue");
        assertThat(clone.get("windowState").asText()).matches("(Before|Active|After|Excluded).*Europe/London");
        assertThat(names(clone.get("nodes"), "name")).containsExactly("ingest", "add", "emit");
        assertThat(runtime.viewer.get("/api/v1/dags/orders").json().get("window").isNull()).isTrue();
    }

    @Test
    void cloneNeedsName() {
        TestHttp.Reply reply = runtime.admin.post("/api/v1/dags/orders/clone", Map.of("timeWindow", Map.of()));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("message").asText()).contains("'name'");
    }

    @Test
    void postedEventReachesOutputs() {
        TestHttp.Reply reply = runtime.admin.post("/api/v1/dags/orders/nodes/ingest/events", Map.of("a", 40, "b", 2));
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode outputs = runtime.viewer.get("/api/v1/dags/orders/nodes/add/outputs").json().get("outputs");
            assertThat(outputs.toString()).contains("\"total\":42");
        });
        JsonNode ingestOutputs = runtime.viewer.get("/api/v1/dags/orders/nodes/ingest/outputs").json().get("outputs");
        assertThat(ingestOutputs.toString()).contains("\"region\":\"eu\"");
    }

    @Test
    void eventToCalculationNodeIsBadRequest() {
        TestHttp.Reply reply = runtime.admin.post("/api/v1/dags/orders/nodes/add/events", Map.of("a", 1));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("message").asText()).contains("Subscription");
    }

    @Test
    void eventMustBeJsonObject() {
        TestHttp.Reply reply = runtime.admin.send("POST", "/api/v1/dags/orders/nodes/ingest/events", "[1, 2]", "application/json");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("message").asText()).contains("JSON object");
    }

    @Test
    void eventToUnknownNodeIsNotFound() {
        assertThat(runtime.admin.post("/api/v1/dags/orders/nodes/ghost/events", Map.of("a", 1)).status()).isEqualTo(404);
        assertThat(runtime.viewer.get("/api/v1/dags/orders/nodes/ghost/outputs").status()).isEqualTo(404);
    }

    @Test
    void viewerCannotPostEvents() {
        assertThat(runtime.viewer.post("/api/v1/dags/orders/nodes/ingest/events", Map.of("a", 1)).status()).isEqualTo(403);
    }
}
