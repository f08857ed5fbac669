package io.dishtayantra.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.dishtayantra.operator.MockCluster;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The first reconciles of several DAGs in a new namespace create the shared RBAC objects at once. */
class NamespaceRbacRaceTest {

    private static final int THREADS = 8;

    private static MockCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = new MockCluster();
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void concurrentFirstReconcilesAllSucceed() throws Exception {
        KubernetesClient client = cluster.client();
        NamespaceRbacReconciler reconciler = new NamespaceRbacReconciler(client, "dishtayantra-runtime");
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);

        try {
            for (int round = 0; round < 5; round++) {
                String namespace = MockCluster.uniqueNamespace("race");
                failures.addAll(reconcileAtOnce(pool, reconciler, namespace));

                assertThat(client.resources(ServiceAccount.class).inNamespace(namespace)
                        .withName("dishtayantra-runtime").get()).isNotNull();
                assertThat(client.resources(Role.class).inNamespace(namespace)
                        .withName("dishtayantra-runtime").get()).isNotNull();
                assertThat(client.resources(RoleBinding.class).inNamespace(namespace)
                        .withName("dishtayantra-runtime").get()).isNotNull();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(failures).isEmpty();
    }

    @Test
    void concurrentRuleRestoresAllSucceed() throws Exception {
        KubernetesClient client = cluster.client();
        NamespaceRbacReconciler reconciler = new NamespaceRbacReconciler(client, "dishtayantra-runtime");
        String namespace = MockCluster.uniqueNamespace("restore");
        reconciler.reconcile(namespace);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);

        try {
            for (int round = 0; round < 5; round++) {
                Role role = client.resources(Role.class).inNamespace(namespace).withName("dishtayantra-runtime").get();
                role.setRules(List.of());
                client.resource(role).update();
                failures.addAll(reconcileAtOnce(pool, reconciler, namespace));

                assertThat(client.resources(Role.class).inNamespace(namespace).withName("dishtayantra-runtime").get()
                        .getRules()).isNotEmpty();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(failures).isEmpty();
    }

    /** Runs {@value #THREADS} reconciles of the namespace that start together; returns their failures. */
    private static List<Throwable> reconcileAtOnce(ExecutorService pool, NamespaceRbacReconciler reconciler,
            String namespace) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> reconciles = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            reconciles.add(pool.submit(() -> {
                start.await();
                reconciler.reconcile(namespace);
                return null;
            }));
        }
        start.countDown();
        List<Throwable> failures = new ArrayList<>();
        for (Future<?> reconcile : reconciles) {
            try {
                reconcile.get();
            } catch (ExecutionException e) {
                failures.add(e.getCause());
            }
        }
        return failures;
    }
}
