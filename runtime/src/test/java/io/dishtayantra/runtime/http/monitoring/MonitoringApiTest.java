package io.dishtayantra.runtime.http.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dishtayantra.runtime.http.TestRuntime;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitoringApiTest {

    @TempDir
    static Path dataDirectory;

    static TestRuntime runtime;

    @BeforeAll
    static void start() {
        runtime = new TestRuntime(dataDirectory);
        runtime.start(TestRuntime.chain("running-one"));
        runtime.start(TestRuntime.chain("suspended-one")).suspend();
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void systemNeedsAdmin() {
        assertThat(runtime.anonymous.get("/api/v1/system").status()).isEqualTo(401);
        assertThat(runtime.viewer.get("/api/v1/system").status()).isEqualTo(403);
    }

    @Test
    void systemReportsMachineAndProcess() {
        JsonNode system = runtime.admin.get("/api/v1/system").json().get("system");
        assertThat(system.get("cpu").get("logicalCores").asInt()).isPositive();
        assertThat(system.get("cpu").get("usage").asDouble()).isBetween(0.0, 1.0);
        assertThat(system.get("memory").get("total").asLong()).isPositive();
        assertThat(system.get("disks").isArray()).isTrue();
        assertThat(system.get("networks").isArray()).isTrue();
        assertThat(system.get("process").get("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
        assertThat(system.get("process").get("threads").asInt()).isPositive();
        assertThat(system.get("process").get("residentBytes").asLong()).isPositive();
    }

    @Test
    void dagTotalsByState() {
        JsonNode byState = runtime.admin.get("/api/v1/system").json().get("dagsByState");
        assertThat(byState.get("RUNNING").asInt()).isEqualTo(1);
        assertThat(byState.get("SUSPENDED").asInt()).isEqualTo(1);
        assertThat(byState.get("FAILED").asInt()).isZero();
    }

    @Test
    void calculatorKindsAreListed() {
        JsonNode kinds = runtime.admin.get("/api/v1/system").json().get("calculatorKinds");
        assertThat(kinds.toString()).contains("Addition");
        assertThat(kinds.get(0).get("available").asBoolean()).isTrue();
    }
}
