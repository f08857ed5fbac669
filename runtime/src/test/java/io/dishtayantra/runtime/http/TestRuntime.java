package io.dishtayantra.runtime.http;

import io.dishtayantra.crd.manifest.ManifestDocument;
import io.dishtayantra.crd.manifest.ManifestLoader;
import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.runtime.engine.DagInstance;
import io.dishtayantra.runtime.engine.Engine;
import io.dishtayantra.runtime.engine.EngineServices;
import io.dishtayantra.runtime.http.health.LoadingState;
import io.dishtayantra.runtime.http.security.Role;
import io.dishtayantra.runtime.http.security.UserStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real engine plus the HTTP server in standalone mode on a free port, with an admin and a
 * viewer API token, for the tests of one class.
 */
public final class TestRuntime implements AutoCloseable {

    public final Engine engine = new Engine(EngineServices.fromClassPath().withStopTimeout(Duration.ofSeconds(2)));
    public final LoadingState loading = new LoadingState();
    public final RuntimeHttpServer server;
    public final TestHttp anonymous;
    public final TestHttp admin;
    public final TestHttp viewer;

    public TestRuntime(Path dataDirectory) {
        server = RuntimeHttpServer.start(new HttpSettings("127.0.0.1", 0, HttpSettings.Mode.STANDALONE, dataDirectory, "default", null),
                engine, loading);
        anonymous = new TestHttp(server.uri());
        UserStore users = server.bean(UserStore.class);
        admin = anonymous.bearer(users.createToken("test-admin", Role.ADMIN).token());
        viewer = anonymous.bearer(users.createToken("test-viewer", Role.VIEWER).token());
    }

    /** Deploys and starts a DAG from YAML. */
    public DagInstance start(String yaml) {
        DagInstance instance = engine.deploy(dag(yaml), Path.of("."));
        instance.start();
        return instance;
    }

    /** Parses one DAG manifest, failing on any parse problem. */
    public static Dag dag(String yaml) {
        List<ManifestDocument> documents = new ManifestLoader().parse(yaml, Path.of("test.yaml"));
        if (!documents.getFirst().problems().isEmpty()) {
            throw new AssertionError("test manifest has problems: " + documents.getFirst().problems());
        }
        return (Dag) documents.getFirst().resource();
    }

    /** Returns the manifest of a three-node DAG named {@code name}: mem queue in, Addition calculator, mem queue out. */
    public static String chain(String name) {
        return """
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: %1$s}
                spec:
                  subscribers: [{name: in, uri: "mem://queue/%1$s-in"}]
                  publishers: [{name: out, uri: "mem://queue/%1$s-out"}]
                  calculators:
                    - {name: sum, type: Addition, config: {arguments: [a, b], outputAttribute: total}}
                    - {name: defaults, type: ApplyDefaults, config: {defaults: {region: eu, apiToken: s3cr3t-value}}}
                  nodes:
                    - {name: ingest, type: Subscription, subscriber: in, calculator: defaults}
                    - {name: add, type: Calculation, calculator: sum}
                    - {name: emit, type: Publication, publishers: [out]}
                  edges: [{from: ingest, to: add}, {from: add, to: emit}]
                """.formatted(name);
    }

    @Override
    public void close() {
        server.close();
        engine.shutdown();
    }
}
