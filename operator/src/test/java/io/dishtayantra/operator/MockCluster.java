package io.dishtayantra.operator;

import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The fabric8 mock API server in CRUD mode, with the stubs the operator needs: JOSDK's startup
 * check of Lease permissions posts a SelfSubjectRulesReview, which the mock does not implement.
 * Start one per test class and give every test its own namespace: objects of earlier tests stay.
 */
public final class MockCluster implements AutoCloseable {

    private static final AtomicInteger NAMESPACES = new AtomicInteger();

    /** Held so that the level sticks: the mock logs every request through java.util.logging at INFO. */
    private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    static {
        MOCK_LOG.setLevel(Level.WARNING);
    }

    private final Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    private final KubernetesMockServer server;
    private final KubernetesClient client;

    public MockCluster() {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
                new KubernetesMixedDispatcher(responses), false);
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
