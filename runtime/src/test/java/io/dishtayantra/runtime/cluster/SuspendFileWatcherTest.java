package io.dishtayantra.runtime.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dishtayantra.crd.manifest.ManifestLoader;
import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.runtime.engine.DagInstance;
import io.dishtayantra.runtime.engine.DagState;
import io.dishtayantra.runtime.engine.Engine;
import io.dishtayantra.runtime.engine.EngineServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuspendFileWatcherTest {

    @TempDir
    Path folder;

    private static Dag heartbeat(String name) {
        return (Dag) new ManifestLoader().parse("""
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: %s}
                spec:
                  publishers: [{name: out, uri: "mem://queue/%s-out"}]
                  nodes:
                    - {name: tick, type: Metronome, interval: 50ms, publishers: [out]}
                """.formatted(name, name), Path.of("heartbeat.yaml")).get(0).resource();
    }

    @Test
    void fileSuspendsAndResumesEveryDag() throws Exception {
        Path suspend = folder.resolve("suspend");
        Files.writeString(suspend, "false");
        try (Engine engine = new Engine(EngineServices.fromClassPath())) {
            DagInstance dag = engine.deploy(heartbeat("watched-a"), folder);
            dag.start();
            try (SuspendFileWatcher watcher = SuspendFileWatcher.start(engine, suspend, Duration.ofMillis(50))) {
                Files.writeString(suspend, "true\n");
                await().atMost(Duration.ofSeconds(10)).until(() -> dag.state() == DagState.SUSPENDED);

                Files.writeString(suspend, "false\n");
                await().atMost(Duration.ofSeconds(10)).until(() -> dag.state() == DagState.RUNNING);
            }
        }
    }

    @Test
    void resumeLeavesOtherSuspensionsAlone() throws Exception {
        Path suspend = folder.resolve("suspend");
        try (Engine engine = new Engine(EngineServices.fromClassPath())) {
            DagInstance dag = engine.deploy(heartbeat("watched-b"), folder);
            dag.start();
            dag.suspend();
            try (SuspendFileWatcher watcher = SuspendFileWatcher.start(engine, suspend, Duration.ofMillis(50))) {
                watcher.poll();

                assertThat(dag.state()).isEqualTo(DagState.SUSPENDED);
            }
        }
    }

    @Test
    void invalidContentKeepsCurrentState() throws Exception {
        Path suspend = folder.resolve("suspend");
        Files.writeString(suspend, "true");
        try (Engine engine = new Engine(EngineServices.fromClassPath())) {
            DagInstance dag = engine.deploy(heartbeat("watched-c"), folder);
            dag.start();
            try (SuspendFileWatcher watcher = SuspendFileWatcher.start(engine, suspend, Duration.ofMillis(50))) {
                await().atMost(Duration.ofSeconds(10)).until(() -> dag.state() == DagState.SUSPENDED);

                Files.writeString(suspend, "maybe");
                watcher.poll();

                assertThat(dag.state()).isEqualTo(DagState.SUSPENDED);
            }
        }
    }
}
