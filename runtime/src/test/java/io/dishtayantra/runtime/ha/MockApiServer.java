package io.dishtayantra.runtime.ha;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The fabric8 mock API server in CRUD mode on 127.0.0.1, where Leases behave as on a real API
 * server. Objects stay for the server's lifetime, so each test uses its own namespace.
 */
final class MockApiServer implements AutoCloseable {

    /** Held so that the level sticks: the mock logs every request through java.util.logging at INFO. */
    private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    static {
        MOCK_LOG.setLevel(Level.WARNING);
    }

    private final KubernetesMockServer server;
    private final KubernetesClient client;

    MockApiServer() {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesMixedDispatcher(new HashMap<>()), false);
        server.init(java.net.InetAddress.getLoopbackAddress(), 0);
        client = server.createClient();
    }

    /** Returns a client for assertions; closed with the server. */
    KubernetesClient client() {
        return client;
    }

    /** Returns a new client of its own, which the caller closes. */
    KubernetesClient newClient() {
        return server.createClient();
    }

    int port() {
        return server.getPort();
    }

    /** Returns the Lease, or null when it does not exist. */
    Lease lease(String namespace, String name) {
        return client.leases().inNamespace(namespace).withName(name).get();
    }

    /** Returns the Lease's holder, or null when it does not exist or has no holder. */
    String holder(String namespace, String name) {
        Lease lease = lease(namespace, name);
        String holder = lease == null || lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
        return holder == null || holder.isEmpty() ? null : holder;
    }

    /**
     * Returns whether the Lease is free to take: it does not exist, has no holder, or its
     * last renewal is older than its duration. fabric8 releases a Lease by keeping the holder and
     * shortening the duration to one second.
     */
    boolean free(String namespace, String name) {
        Lease lease = lease(namespace, name);
        if (holder(namespace, name) == null) {
            return true;
        }
        java.time.Instant expiry = lease.getSpec().getRenewTime().toInstant()
                .plusSeconds(lease.getSpec().getLeaseDurationSeconds());
        return expiry.isBefore(java.time.Instant.now());
    }

    /** Writes a kubeconfig file pointing at this server through {@code 127.0.0.1:port}. */
    static Path writeKubeconfig(Path file, int port, String namespace) throws IOException {
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: mock
                    cluster: {server: "http://127.0.0.1:%d"}
                users:
                  - name: mock
                    user: {}
                contexts:
                  - name: mock
                    context: {cluster: mock, user: mock, namespace: %s}
                current-context: mock
                """.formatted(port, namespace));
        return file;
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
