package io.dishtayantra.operator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorConfigLoaderTest {

    @TempDir
    Path folder;

    @Test
    void defaultsWithoutFileOrEnvironment() throws IOException {
        OperatorConfig config = OperatorConfigLoader.load(Map.of(), null);

        assertThat(config.watchesAllNamespaces()).isTrue();
        assertThat(config.httpPort()).isEqualTo(8081);
        assertThat(config.leaderElection().enabled()).isTrue();
        assertThat(config.leaderElection().exitOnLostLease()).isTrue();
        assertThat(config.leaderElection().leaseDuration()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.runtimeServiceAccount()).isEqualTo("dishtayantra-runtime");
    }

    @Test
    void environmentOverridesFile() throws IOException {
        Path file = folder.resolve("operator.properties");
        Files.writeString(file, """
                watch.namespaces = trading, risk
                http.port = 9090
                runtime.image = registry.example/runtime:1.2
                """);

        OperatorConfig config = OperatorConfigLoader.load(
                Map.of("DY_OPERATOR_HTTP_PORT", "9191", "POD_NAMESPACE", "ops", "POD_NAME", "operator-0"), file);

        assertThat(config.watchNamespaces()).containsExactlyInAnyOrder("trading", "risk");
        assertThat(config.httpPort()).isEqualTo(9191);
        assertThat(config.runtimeImage()).isEqualTo("registry.example/runtime:1.2");
        assertThat(config.leaderElection().leaseNamespace()).isEqualTo("ops");
        assertThat(config.leaderElection().identity()).isEqualTo("operator-0");
    }

    @Test
    void configFileFromEnvironmentVariable() throws IOException {
        Path file = folder.resolve("named.properties");
        Files.writeString(file, "leader-election.enabled=false\n");

        OperatorConfig config = OperatorConfigLoader.load(Map.of("DY_OPERATOR_CONFIG", file.toString()), null);

        assertThat(config.leaderElection().enabled()).isFalse();
    }

    @Test
    void invalidValueNamesKeyAndValue() {
        assertThatThrownBy(() -> OperatorConfigLoader.load(Map.of("DY_OPERATOR_LEADER_ELECTION_LEASE_DURATION", "soon"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leader-election.lease-duration")
                .hasMessageContaining("DY_OPERATOR_LEADER_ELECTION_LEASE_DURATION")
                .hasMessageContaining("'soon'");
    }

    @Test
    void unknownFileKeyRejected() throws IOException {
        Path file = folder.resolve("typo.properties");
        Files.writeString(file, "watch.namespace=trading\n");

        assertThatThrownBy(() -> OperatorConfigLoader.load(Map.of(), file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown key 'watch.namespace'");
    }

    @Test
    void renewDeadlineMustBeShorterThanLease() {
        assertThatThrownBy(() -> OperatorConfigLoader.load(Map.of("DY_OPERATOR_LEADER_ELECTION_RENEW_DEADLINE", "20s"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be shorter than");
    }
}
