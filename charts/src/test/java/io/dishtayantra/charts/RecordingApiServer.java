package io.dishtayantra.charts;

import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * The fabric8 mock API server in CRUD mode, recording every request it receives so that a test
 * can compare them with RBAC rules. Requests of {@link #testClient()}, which the test uses to set
 * up objects and wait for results, are recognised by their User-Agent and not recorded. Stubs
 * JOSDK's startup SelfSubjectRulesReview, which the mock does not implement. One server per
 * scenario: objects of earlier scenarios would stay.
 */
final class RecordingApiServer implements AutoCloseable {

    private static final String TEST_USER_AGENT = "dishtayantra-chart-test";

    static {
        // The mock logs every request at INFO through java.util.logging; the recording is enough.
        java.util.logging.Logger.getLogger("io.fabric8.mockwebserver").setLevel(java.util.logging.Level.WARNING);
    }

    private final List<ApiRequest> requests = new ArrayList<>();
    private final KubernetesMockServer server;
    private final KubernetesClient testClient;

    RecordingApiServer() {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        KubernetesMixedDispatcher dispatcher = new KubernetesMixedDispatcher(responses) {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                record(request);
                return super.dispatch(request);
            }
        };
        server = new KubernetesMockServer(new Context(), new MockWebServer(), responses, dispatcher, false);
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
        testClient = new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder(server.createClient().getConfiguration())
                        .withUserAgent(TEST_USER_AGENT)
                        .build())
                .build();
    }

    /** Returns the client for the test's own requests, which are not recorded. */
    KubernetesClient testClient() {
        return testClient;
    }

    /** Creates a client for the component under test, whose requests are recorded; the caller closes it. */
    KubernetesClient newClient() {
        return server.createClient();
    }

    KubernetesMockServer server() {
        return server;
    }

    /** Returns the requests received so far, in arrival order. */
    synchronized List<ApiRequest> requests() {
        return List.copyOf(requests);
    }

    /** Forgets the requests received so far, such as those a test made to set up its objects. */
    synchronized void clearRequests() {
        requests.clear();
    }

    private synchronized void record(RecordedRequest request) {
        if (!TEST_USER_AGENT.equals(request.getHeader("User-Agent"))) {
            // getBytes() leaves the body for the CRUD dispatcher; readUtf8() would consume it.
            String body = request.getBody() == null ? ""
                    : new String(request.getBody().getBytes(), java.nio.charset.StandardCharsets.UTF_8);
            requests.add(ApiRequest.parse(request.getMethod(), request.getPath(), body));
        }
    }

    @Override
    public void close() {
        testClient.close();
        server.destroy();
    }
}
