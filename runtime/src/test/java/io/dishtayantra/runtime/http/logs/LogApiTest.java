package io.dishtayantra.runtime.http.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dishtayantra.runtime.http.HttpSettings;
import io.dishtayantra.runtime.http.RuntimeHttpServer;
import io.dishtayantra.runtime.http.TestHttp;
import io.dishtayantra.runtime.http.TestRuntime;
import io.dishtayantra.runtime.http.health.LoadingState;
import io.dishtayantra.runtime.http.security.Role;
import io.dishtayantra.runtime.http.security.UserStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class LogApiTest {

    @TempDir
    static Path dataDirectory;

    static TestRuntime runtime;

    @BeforeAll
    static void start() {
        runtime = new TestRuntime(dataDirectory);
        LoggerFactory.getLogger(LogApiTest.class).warn("marker-warning for the log page");
        LoggerFactory.getLogger(LogApiTest.class).info("marker-info for the log page");
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void logsNeedAdmin() {
        assertThat(runtime.anonymous.get("/api/v1/logs").status()).isEqualTo(401);
        assertThat(runtime.viewer.get("/api/v1/logs").status()).isEqualTo(403);
        assertThat(runtime.viewer.get("/api/v1/logs/file").status()).isEqualTo(403);
    }

    @Test
    void levelAndSearchFilterLines() {
        JsonNode page = runtime.admin.get("/api/v1/logs?level=WARN&q=marker").json();
        assertThat(page.get("lines")).hasSize(1);
        assertThat(page.get("lines").get(0).get("message").asText()).isEqualTo("marker-warning for the log page");
        assertThat(page.get("lines").get(0).get("level").asText()).isEqualTo("WARN");
        assertThat(runtime.admin.get("/api/v1/logs?q=marker-info").json().get("lines")).hasSize(1);
    }

    @Test
    void badLevelAndLimitAreRejected() {
        TestHttp.Reply level = runtime.admin.get("/api/v1/logs?level=LOUD");
        assertThat(level.status()).isEqualTo(400);
        assertThat(level.json().get("message").asText()).contains("level").contains("LOUD");
        assertThat(runtime.admin.get("/api/v1/logs?limit=0").status()).isEqualTo(400);
    }

    @Test
    void downloadWithoutLogFileIsNotFound() {
        TestHttp.Reply reply = runtime.admin.get("/api/v1/logs/file");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("message").asText()).contains(HttpSettings.LOG_FILE_VARIABLE);
    }

    @Test
    void configuredLogFileIsDownloaded() throws Exception {
        Path logFile = dataDirectory.resolve("runtime.log");
        Files.writeString(logFile, "first line\nsecond line\n");
        try (RuntimeHttpServer server = RuntimeHttpServer.start(new HttpSettings("127.0.0.1", 0, HttpSettings.Mode.STANDALONE,
                dataDirectory.resolve("second"), "default", logFile), runtime.engine, new LoadingState())) {
            String token = server.bean(UserStore.class).createToken("logs", Role.ADMIN).token();
            TestHttp admin = new TestHttp(server.uri()).bearer(token);
            assertThat(admin.get("/api/v1/logs").json().get("logFile").asBoolean()).isTrue();
            TestHttp.Reply file = admin.get("/api/v1/logs/file");
            assertThat(file.status()).isEqualTo(200);
            assertThat(file.body()).isEqualTo("first line\nsecond line\n");
            assertThat(file.header("Content-Disposition")).contains("attachment").contains("runtime.log");
        }
    }
}
