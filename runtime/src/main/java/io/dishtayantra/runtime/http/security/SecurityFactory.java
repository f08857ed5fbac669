package io.dishtayantra.runtime.http.security;

import io.dishtayantra.runtime.http.HttpSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;

/** Builds the security beans of the runtime's mode. */
@Factory
public class SecurityFactory {

    @Singleton
    PasswordHasher passwordHasher() {
        return new PasswordHasher();
    }

    @Singleton
    @Requires(property = "dishtayantra.mode", value = "standalone")
    UserStore userStore(HttpSettings settings, PasswordHasher hasher) {
        return new UserStore(settings.dataDirectory(), hasher);
    }

    @Singleton
    SessionStore sessionStore(PasswordHasher hasher) {
        return new SessionStore(hasher, Clock.systemUTC());
    }

    /**
     * The access control of the mode. In cluster mode a Kubernetes client handed to the server
     * is used; otherwise one is built from the pod's service account.
     */
    @Singleton
    AccessControl accessControl(HttpSettings settings, Optional<UserStore> users, SessionStore sessions,
            Optional<KubernetesClient> client) {
        if (!settings.cluster()) {
            return new StandaloneAccessControl(users.orElseThrow(), sessions);
        }
        KubernetesClient kubernetes = client.orElseGet(() -> new KubernetesClientBuilder().build());
        return new KubernetesAccessControl(kubernetes, settings.namespace(), Clock.systemUTC());
    }
}
