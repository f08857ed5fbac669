package io.dishtayantra.runtime.http.security;

import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewStatusBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatusBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Replies to TokenReviews and SubjectAccessReviews on a fabric8 mock API server the way a real API
 * server with RBAC would for three users: alice may get and patch dags, bob may only get them,
 * and carol may get only the DAG named {@code visible}. Any other token is not authenticated.
 */
public final class KubernetesReviews {

    public static final String ALICE_TOKEN = "token-of-alice";
    public static final String BOB_TOKEN = "token-of-bob";
    public static final String CAROL_TOKEN = "token-of-carol";

    private static final Map<String, String> USERS = Map.of(ALICE_TOKEN, "alice", BOB_TOKEN, "bob", CAROL_TOKEN, "carol");

    private final AtomicInteger tokenReviews = new AtomicInteger();
    private final AtomicInteger accessReviews = new AtomicInteger();

    /** Installs the two review endpoints on the server. */
    public KubernetesReviews install(KubernetesMockServer server) {
        server.expect().post().withPath("/apis/authentication.k8s.io/v1/tokenreviews")
                .andReply(201, request -> {
                    tokenReviews.incrementAndGet();
                    TokenReview review = Serialization.unmarshal(request.getUtf8Body(), TokenReview.class);
                    String user = USERS.get(review.getSpec().getToken());
                    review.setStatus(user == null
                            ? new TokenReviewStatusBuilder().withAuthenticated(false).build()
                            : new TokenReviewStatusBuilder().withAuthenticated(true)
                                    .withNewUser().withUsername(user).withUid("uid-" + user)
                                    .withGroups(List.of("system:authenticated")).endUser().build());
                    return review;
                })
                .always();
        server.expect().post().withPath("/apis/authorization.k8s.io/v1/subjectaccessreviews")
                .andReply(201, request -> {
                    accessReviews.incrementAndGet();
                    SubjectAccessReview review = Serialization.unmarshal(request.getUtf8Body(), SubjectAccessReview.class);
                    var attributes = review.getSpec().getResourceAttributes();
                    boolean rightResource = "dishtayantra.io".equals(attributes.getGroup()) && "dags".equals(attributes.getResource());
                    boolean allowed = rightResource && switch (review.getSpec().getUser()) {
                        case "alice" -> Set.of("get", "patch").contains(attributes.getVerb());
                        case "bob" -> "get".equals(attributes.getVerb());
                        case "carol" -> "get".equals(attributes.getVerb()) && "visible".equals(attributes.getName());
                        default -> false;
                    };
                    review.setStatus(new SubjectAccessReviewStatusBuilder().withAllowed(allowed)
                            .withReason(allowed ? "RBAC: allowed" : "RBAC: no rule").build());
                    return review;
                })
                .always();
        return this;
    }

    public int tokenReviews() {
        return tokenReviews.get();
    }

    public int accessReviews() {
        return accessReviews.get();
    }
}
