package io.dishtayantra.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.dishtayantra.runtime.http.TestHttp;
import io.dishtayantra.runtime.http.TestRuntime;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsEndpointTest {

    @TempDir
    static Path dataDirectory;

    static TestRuntime runtime;
    static TestHttp anonymous;

    @BeforeAll
    static void startServer() {
        runtime = new TestRuntime(dataDirectory);
        runtime.start(TestRuntime.chain("metered"));
        runtime.start(TestRuntime.chain("removed"));
        anonymous = runtime.anonymous;
    }

    @AfterAll
    static void stopServer() {
        runtime.close();
    }

    @Test
    void metricsAreOpenAndInTextFormat() {
        TestHttp.Reply reply = anonymous.get("/metrics");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("text/plain").contains("version=0.0.4");
    }

    @Test
    void jvmAndProcessMetricsParse() throws Exception {
        Map<String, PrometheusTextParser.Family> families = PrometheusTextParser.parse(anonymous.get("/metrics").body());
        assertThat(families).containsKeys("jvm_memory_used_bytes", "jvm_threads_live_threads", "process_cpu_usage", "process_uptime_seconds");
        assertThat(families.get("jvm_memory_used_bytes").type()).isEqualTo("gauge");
    }
}
