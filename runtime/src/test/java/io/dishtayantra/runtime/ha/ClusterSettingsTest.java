package io.dishtayantra.runtime.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.v1alpha1.LeaderElectionSpec;
import io.dishtayantra.runtime.connector.testing.Manifests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the cluster environment, the Lease timings and the parallelism file. */
class ClusterSettingsTest {

    @Test
    void unsetModeRunsLocally() {
        assertThat(ClusterSettings.fromEnvironment(Map.of())).isEmpty();
        assertThat(ClusterSettings.fromEnvironment(Map.of("DISHTAYANTRA_MODE", "local"))).isEmpty();
    }

    @Test
    void clusterModeReadsPodIdentity() {
        ClusterSettings settings = ClusterSettings.fromEnvironment(Map.of("DISHTAYANTRA_MODE", "cluster",
                "POD_NAME", "trades-5f7c-x2", "POD_NAMESPACE", "desk")).orElseThrow();

        assertThat(settings.identity()).isEqualTo("trades-5f7c-x2");
        assertThat(settings.namespace()).isEqualTo("desk");
    }

    @Test
    void clusterModeWithoutPodNameFails() {
        assertThatThrownBy(() -> ClusterSettings.fromEnvironment(Map.of("DISHTAYANTRA_MODE", "cluster",
                "POD_NAMESPACE", "desk")))
                .hasMessage("DISHTAYANTRA_MODE=cluster needs POD_NAME: set it from the pod's metadata through the"
                        + " downward API");
    }

    @Test
    void unknownModeFails() {
        assertThatThrownBy(() -> ClusterSettings.fromEnvironment(Map.of("DISHTAYANTRA_MODE", "clustered")))
                .hasMessageContaining("DISHTAYANTRA_MODE 'clustered' is invalid");
    }

    @Test
    void timingsDefaultTo15s10s2s() {
        assertThat(LeaseTimings.from(null)).isEqualTo(
                new LeaseTimings(Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(2)));
        LeaderElectionSpec spec = new LeaderElectionSpec();
        spec.setRenewDeadline("8s");
        assertThat(LeaseTimings.from(spec).renewDeadline()).isEqualTo(Duration.ofSeconds(8));
        assertThat(LeaseTimings.from(spec).leaseDuration()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void renewDeadlineMustBeShorterThanLease() {
        LeaderElectionSpec spec = new LeaderElectionSpec();
        spec.setLeaseDuration("10s");
        spec.setRenewDeadline("10s");

        assertThatThrownBy(() -> LeaseTimings.from(spec)).hasMessageContaining("must be longer than renewDeadline");
    }

    @Test
    void leaseNamesDependOnParallelism() {
        assertThat(LeaseNames.of("trades", 1, 0)).isEqualTo("trades");
        assertThat(LeaseNames.of("trades", 3, 2)).isEqualTo("trades-2");
        assertThatThrownBy(() -> LeaseNames.of("trades", 3, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parallelismFileOverridesSpec(@TempDir Path folder) throws Exception {
        Dag dag = Manifests.dag("""
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: trades}
                spec:
                  runtime: {parallelism: 2}
                  subscribers: [{name: in, uri: "kafka://topic/trades"}]
                  nodes: [{name: ingest, type: Subscription, subscriber: in}]
                """);
        Path file = folder.resolve(ParallelismSource.FILE_NAME);
        ParallelismSource source = new ParallelismSource(dag, file);

        assertThat(source.getAsInt()).as("without the file").isEqualTo(2);
        Files.writeString(file, "3\n");
        assertThat(source.getAsInt()).as("from the file").isEqualTo(3);
        Files.writeString(file, "three");
        assertThat(source.getAsInt()).as("after invalid content").isEqualTo(3);
        Files.writeString(file, "0");
        assertThat(source.getAsInt()).as("scaled to zero").isZero();
    }
}
