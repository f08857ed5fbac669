package io.dishtayantra.runtime.http.security;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.api.model.authentication.UserInfo;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.micronaut.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access control of a runtime pod: the caller's Kubernetes bearer token is checked with a
 * TokenReview, and the request is authorised with a SubjectAccessReview on the {@code dags}
 * resource of group {@value Dag#GROUP} in the runtime's namespace: verb {@code get} for reads,
 * {@code patch} for actions and admin pages. So Kubernetes RBAC decides who may do what.
 *
 * <p>Results are cached for {@link #CACHE_TIME} per token (by its SHA-256), so that a dashboard
 * polling every few seconds does not send two reviews per request. Thread-safe.
 */
public final class KubernetesAccessControl implements AccessControl {

    /** How long a review result is reused. */
    public static final Duration CACHE_TIME = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(KubernetesAccessControl.class);
    private static final int MAX_CACHED = 10_000;

    private final KubernetesClient client;
    private final String namespace;
    private final Clock clock;
    private final Map<String, Cached<UserInfo>> tokenReviews = new ConcurrentHashMap<>();
    private final Map<String, Cached<Boolean>> accessReviews = new ConcurrentHashMap<>();

    private record Cached<T>(T value, Instant expires) {
    }

    /**
     * @param client a client whose service account may create TokenReviews and SubjectAccessReviews
     * @param namespace the namespace of the DAGs this runtime serves
     */
    public KubernetesAccessControl(KubernetesClient client, String namespace, Clock clock) {
        this.client = client;
        this.namespace = namespace;
        this.clock = clock;
    }

    @Override
    public AccessDecision check(HttpRequest<?> request, Permission permission, String dagName) {
        String token = AccessControl.bearerToken(request);
        if (token == null) {
            return AccessDecision.unauthenticated("Send a Kubernetes bearer token as 'Authorization: Bearer <token>',"
                    + " for example from 'kubectl create token NAME'.");
        }
        String tokenKey = UserStore.sha256(token);
        UserInfo user;
        try {
            user = reviewToken(token, tokenKey);
        } catch (KubernetesClientException e) {
            LOG.warn("TokenReview failed: {}", e.getMessage());
            return new AccessDecision(null, 503, "The Kubernetes API did not answer the TokenReview: " + e.getMessage());
        }
        if (user == null) {
            return AccessDecision.unauthenticated("The Kubernetes API did not accept the bearer token.");
        }

        String verb = permission == Permission.ADMIN ? "patch" : "get";
        Caller caller = new Caller(user.getUsername(), permission == Permission.ADMIN ? Role.ADMIN : Role.VIEWER, "kubernetes");
        if (permission == Permission.AUTHENTICATED) {
            return AccessDecision.allow(caller);
        }
        boolean allowed;
        try {
            allowed = reviewAccess(user, tokenKey, verb, dagName);
        } catch (KubernetesClientException e) {
            LOG.warn("SubjectAccessReview for {} failed: {}", user.getUsername(), e.getMessage());
            return new AccessDecision(caller, 503, "The Kubernetes API did not answer the SubjectAccessReview: " + e.getMessage());
        }
        if (!allowed) {
            String target = dagName == null ? "dags" : "dags/" + dagName;
            return AccessDecision.forbidden(caller, "User '" + user.getUsername() + "' may not " + verb + " " + target
                    + " (group " + Dag.GROUP + ") in namespace " + namespace + "; ask for an RBAC Role that grants it.");
        }
        return AccessDecision.allow(caller);
    }

    private UserInfo reviewToken(String token, String tokenKey) {
        Instant now = clock.instant();
        Cached<UserInfo> cached = tokenReviews.get(tokenKey);
        if (cached != null && cached.expires().isAfter(now)) {
            return cached.value();
        }
        TokenReview review = client.authentication().v1().tokenReviews().create(new TokenReviewBuilder()
                .withNewSpec().withToken(token).endSpec()
                .build());
        UserInfo user = review.getStatus() != null && Boolean.TRUE.equals(review.getStatus().getAuthenticated())
                ? review.getStatus().getUser() : null;
        remember(tokenReviews, tokenKey, new Cached<>(user, now.plus(CACHE_TIME)));
        return user;
    }

    private boolean reviewAccess(UserInfo user, String tokenKey, String verb, String dagName) {
        String key = tokenKey + " " + verb + " " + (dagName == null ? "" : dagName);
        Instant now = clock.instant();
        Cached<Boolean> cached = accessReviews.get(key);
        if (cached != null && cached.expires().isAfter(now)) {
            return cached.value();
        }
        SubjectAccessReview review = client.authorization().v1().subjectAccessReview().create(new SubjectAccessReviewBuilder()
                .withNewSpec()
                .withUser(user.getUsername())
                .withUid(user.getUid())
                .withGroups(user.getGroups())
                .withExtra(user.getExtra())
                .withNewResourceAttributes()
                .withGroup(Dag.GROUP)
                .withResource("dags")
                .withVerb(verb)
                .withNamespace(namespace)
                .withName(dagName)
                .endResourceAttributes()
                .endSpec()
                .build());
        boolean allowed = review.getStatus() != null && Boolean.TRUE.equals(review.getStatus().getAllowed());
        remember(accessReviews, key, new Cached<>(allowed, now.plus(CACHE_TIME)));
        return allowed;
    }

    private <T> void remember(Map<String, Cached<T>> cache, String key, Cached<T> value) {
        if (cache.size() >= MAX_CACHED) {
            Instant now = clock.instant();
            cache.values().removeIf(entry -> !entry.expires().isAfter(now));
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
        }
        cache.put(key, value);
    }
}
