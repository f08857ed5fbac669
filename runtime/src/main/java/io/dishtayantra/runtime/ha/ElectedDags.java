package io.dishtayantra.runtime.ha;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.runtime.engine.Engine;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DAGs of a cluster-mode process, each deployed standby and started only while this process
 * holds one of its Leases. Owns the Kubernetes client and the coordinators; {@link #close} stops
 * the active instances and releases their Leases.
 */
public final class ElectedDags implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ElectedDags.class);

    private final KubernetesClient client;
    private final List<LeaseCoordinator> coordinators = new ArrayList<>();

    private ElectedDags(KubernetesClient client) {
        this.client = client;
    }

    /**
     * Deploys every DAG standby and starts competing for its Leases.
     *
     * @param dags each DAG with the folder its manifest came from, where the parallelism file is
     *     looked for
     * @throws io.dishtayantra.runtime.engine.InvalidDagException when a DAG's structure is invalid;
     *     nothing is left running
     */
    public static ElectedDags start(Engine engine, Map<Dag, Path> dags, ClusterSettings settings) {
        ElectedDags elected = new ElectedDags(new KubernetesClientBuilder().build());
        try {
            for (Map.Entry<Dag, Path> entry : dags.entrySet()) {
                Dag dag = entry.getKey();
                String name = dag.getMetadata().getName();
                LeaseTimings timings = LeaseTimings.from(
                        dag.getSpec().getRuntime() == null ? null : dag.getSpec().getRuntime().getLeaderElection());
                ParallelismSource parallelism = new ParallelismSource(dag, entry.getValue().resolve(ParallelismSource.FILE_NAME));
                LeasedDag leased = new LeasedDag(engine, dag, entry.getValue());
                LeaseCoordinator coordinator = new LeaseCoordinator(elected.client, name, settings.namespace(),
                        settings.identity(), timings, parallelism, leased);
                elected.coordinators.add(coordinator);
                coordinator.start();
            }
        } catch (RuntimeException error) {
            elected.close();
            throw error;
        }
        LOG.info("Cluster mode: {} DAGs wait for a Lease as {} in namespace {}", dags.size(), settings.identity(),
                settings.namespace());
        return elected;
    }

    /** Returns the coordinators, one per DAG, in start order. */
    public List<LeaseCoordinator> coordinators() {
        return List.copyOf(coordinators);
    }

    /** Stops every active instance, releases its Lease, then closes the client. Idempotent. */
    @Override
    public void close() {
        List<Thread> closing = new ArrayList<>();
        for (LeaseCoordinator coordinator : coordinators) {
            closing.add(Thread.ofVirtual().start(coordinator::close));
        }
        for (Thread thread : closing) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        client.close();
    }
}
