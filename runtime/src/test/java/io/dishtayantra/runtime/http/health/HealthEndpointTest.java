package io.dishtayantra.runtime.http.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.dishtayantra.runtime.engine.DagInstance;
import io.dishtayantra.runtime.http.TestHttp;
import io.dishtayantra.runtime.http.TestRuntime;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HealthEndpointTest {

    @TempDir
    static Path dataDirectory;

    static TestRuntime runtime;

    @BeforeAll
    static void start() {
        runtime = new TestRuntime(dataDirectory);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    @Order(1)
    void liveWithoutCredentials() {
        TestHttp.Reply reply = runtime.anonymous.get("/health/live");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("status").asText()).isEqualTo("UP");
    }

    @Test
    @Order(2)
    void notReadyWhileLoading() {
        TestHttp.Reply reply = runtime.anonymous.get("/health/ready");
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.json().get("reasons").toString()).contains("still being loaded");
    }

    @Test
    @Order(3)
    void notReadyWhileDagIsNotStarted() {
        runtime.engine.deploy(TestRuntime.dag(TestRuntime.chain("pending")), Path.of("."));
        runtime.loading.markLoaded();
        TestHttp.Reply reply = runtime.anonymous.get("/health/ready");
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.json().get("reasons").toString()).contains("DAG pending is not started yet");
    }

    @Test
    @Order(4)
    void readyWhenEveryDagRunsConnected() {
        runtime.engine.get("pending").orElseThrow().start();
        TestHttp.Reply reply = runtime.anonymous.get("/health/ready");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("status").asText()).isEqualTo("UP");
    }

    @Test
    @Order(5)
    void suspendedDagKeepsReadiness() {
        runtime.engine.get("pending").orElseThrow().suspend();
        assertThat(runtime.anonymous.get("/health/ready").status()).isEqualTo(200);
    }

    @Test
    @Order(6)
    void failedDagMakesNotReady() {
        DagInstance failing = runtime.engine.deploy(TestRuntime.dag(TestRuntime.chain("failing")
                .replace("mem://queue/failing-out", "file:///proc/no-such-folder/out.jsonl")), Path.of("."));
        try {
            failing.start();
        } catch (RuntimeException expected) {
            // The file publisher cannot create its file, so the DAG fails to start.
        }
        TestHttp.Reply reply = runtime.anonymous.get("/health/ready");
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.json().get("reasons").toString()).contains("DAG failing failed");
    }
}
