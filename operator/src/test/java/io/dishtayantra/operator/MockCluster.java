package io.dishtayantra.operator;

import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.Dispatcher;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The fabric8 mock API server in CRUD mode, with the stubs the operator needs: JOSDK's startup
 * check of Lease permissions posts a SelfSubjectRulesReview, which the mock does not implement.
 * Start one per test class and give every test its own namespace: objects of earlier tests stay.
 */
public final class MockCluster implements AutoCloseable {

    private static final AtomicInteger NAMESPACES = new AtomicInteger();
    private static final Path CRDS = Path.of("..").toAbsolutePath().normalize().resolve("crds");

    /** Held so that the level sticks: the mock logs every request through java.util.logging at INFO. */
    private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    static {
        MOCK_LOG.setLevel(Level.WARNING);
    }

    private final Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    private final KubernetesMockServer server;
    private final KubernetesClient client;

    /**
     * Starts the mock.
     *
     * @param installCrds whether to create the CRDs of {@code crds/} first, so that the mock
     *     treats {@code status} as a subresource: updates of a DAG then keep its status, as on a
     *     real API server
     */
    public MockCluster(boolean installCrds) {
        this(installCrds, UnaryOperator.identity());
    }

    /**
     * Starts the mock with a dispatcher wrapped around the CRUD one.
     *
     * @param wrap adds behaviour the mock lacks, such as {@link ServerSidePrinting}
     */
    MockCluster(boolean installCrds, UnaryOperator<Dispatcher> wrap) {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
                wrap.apply(new KubernetesMixedDispatcher(responses)), false);
        server.init();
        server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
                .andReturn(201, new SelfSubjectRulesReviewBuilder()
                        .withNewStatus()
                            .addNewResourceRule()
                                .withApiGroups("coordination.k8s.io")
                                .withResources("leases")
                                .withVerbs("*")
                            .endResourceRule()
                            .withIncomplete(false)
                        .endStatus()
                        .build())
                .always();
        client = server.createClient();
        if (installCrds) {
            for (String file : List.of("dags.dishtayantra.io-v1.yml", "timewindows.dishtayantra.io-v1.yml")) {
                try (InputStream crd = Files.newInputStream(CRDS.resolve(file))) {
                    client.apiextensions().v1().customResourceDefinitions().load(crd).create();
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read " + CRDS.resolve(file), e);
                }
            }
        }
    }

    /** Starts the mock without CRDs. */
    public MockCluster() {
        this(false);
    }

    /** Returns a client of the mock; it is closed with the cluster. */
    public KubernetesClient client() {
        return client;
    }

    public KubernetesMockServer server() {
        return server;
    }

    /** A fresh client, for a second operator that must not share the first one's client. */
    public KubernetesClient newClient() {
        return server.createClient();
    }

    /** Returns a namespace name that no other test in this JVM uses. */
    public static String uniqueNamespace(String prefix) {
        return prefix + "-" + NAMESPACES.incrementAndGet();
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
