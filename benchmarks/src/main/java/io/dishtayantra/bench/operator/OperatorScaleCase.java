package io.dishtayantra.bench.operator;

import io.dishtayantra.bench.Load;
import io.dishtayantra.bench.ResultRow;
import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.operator.DagOperator;
import io.dishtayantra.operator.config.LeaderElectionSettings;
import io.dishtayantra.operator.config.OperatorConfig;
import io.dishtayantra.operator.config.OperatorConfigLoader;
import io.dishtayantra.operator.reconciler.NormalizerSpecNormalization;
import io.dishtayantra.operator.reconciler.RuntimeSpecValidation;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.HdrHistogram.Histogram;

/**
 * Case 5: the real operator, in this JVM, against the fabric8 mock API server in CRUD mode.
 * The harness creates N DAGs one after the other and measures the time until every DAG has a
 * status written for its current generation, and for each DAG the time from its create request
 * to the moment an informer of the harness receives its Deployment.
 *
 * <p>Heap and RSS are those of the whole JVM: operator, mock API server and harness together, so
 * they are an upper bound for the operator alone.
 */
public final class OperatorScaleCase {

    /** Held so the level sticks: the mock logs every request through java.util.logging at INFO. */
    private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    private static final String NAMESPACE = "bench";
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final String MANIFEST = """
            apiVersion: dishtayantra.io/v1alpha1
            kind: DAG
            metadata:
              name: %s
              namespace: %s
            spec:
              subscribers:
                - name: quotes_in
                  uri: mem://queue/raw_quotes
              publishers:
                - name: quotes_out
                  uri: file://out/clean_quotes.jsonl
              calculators:
                - name: fill_gaps
                  type: ApplyDefaults
                  config:
                    defaults:
                      desk: G10
              nodes:
                - name: ingest
                  type: Subscription
                  subscriber: quotes_in
                  calculator: fill_gaps
                - name: emit
                  type: Publication
                  publishers: [quotes_out]
              edges:
                - from: ingest
                  to: emit
            """;

    private final int dags;

    public OperatorScaleCase(int dags) {
        this.dags = dags;
    }

    public List<ResultRow> run() throws Exception {
        MOCK_LOG.setLevel(Level.WARNING);
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(List.of()), false);
        server.init();
        // JOSDK checks Lease permissions at start-up with a review the mock does not implement.
        server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
                .andReturn(201, new SelfSubjectRulesReviewBuilder().withNewStatus().addNewResourceRule()
                        .withApiGroups("coordination.k8s.io").withResources("leases").withVerbs("*").endResourceRule()
                        .withIncomplete(false).endStatus().build())
                .always();
        KubernetesClient client = server.createClient();
        KubernetesClient operatorClient = server.createClient();
        AtomicInteger exits = new AtomicInteger();
        DagOperator operator = null;
        SharedIndexInformer<Deployment> deployments = null;
        try {
            OperatorConfig defaults = OperatorConfigLoader.load(Map.of(), null);
            LeaderElectionSettings noElection = new LeaderElectionSettings(false, "dishtayantra-operator", NAMESPACE,
                    "bench", Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(2), false);
            OperatorConfig config = defaults.withHttpPort(0).withWatchNamespaces(Set.of(NAMESPACE))
                    .withLeaderElection(noElection);
            operator = new DagOperator(operatorClient, config, new RuntimeSpecValidation(),
                    new NormalizerSpecNormalization(), exits::incrementAndGet);
            operator.start();

            Map<String, Long> appliedAt = new ConcurrentHashMap<>();
            Histogram applyToDeployment = new Histogram(TimeUnit.MINUTES.toNanos(10), 3);
            deployments = client.apps().deployments().inNamespace(NAMESPACE).inform(new ResourceEventHandler<>() {
                @Override
                public void onAdd(Deployment deployment) {
                    Long applied = appliedAt.get(deployment.getMetadata().getName());
                    if (applied != null) {
                        synchronized (applyToDeployment) {
                            applyToDeployment.recordValue(System.nanoTime() - applied);
                        }
                    }
                }

                @Override
                public void onUpdate(Deployment before, Deployment after) {
                }

                @Override
                public void onDelete(Deployment deployment, boolean finalStateUnknown) {
                }
            });

            long start = System.nanoTime();
            for (int i = 0; i < dags; i++) {
                String name = String.format("dag-%04d", i);
                Dag dag = SERIALIZATION.unmarshal(MANIFEST.formatted(name, NAMESPACE), Dag.class);
                appliedAt.put(name, System.nanoTime());
                client.resources(Dag.class).inNamespace(NAMESPACE).resource(dag).create();
            }
            double applySeconds = (System.nanoTime() - start) / 1e9;
            long reconciledAt = awaitAllReconciled(client);
            double allSeconds = (reconciledAt - start) / 1e9;

            System.gc();
            long heapBytes = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            long rssKiB = residentKiB();
            Histogram latency;
            synchronized (applyToDeployment) {
                latency = applyToDeployment.copy();
            }
            String notes = String.format("%,d DAGs created in %.1f s, all reconciled with status after %.1f s; "
                    + "%,d Deployments seen; JVM heap after GC %,d MiB, RSS %,d MiB (operator + mock API server + "
                    + "harness); load %s", dags, applySeconds, allSeconds, latency.getTotalCount(), heapBytes >> 20,
                    rssKiB >> 10, Load.oneMinute());
            return List.of(new ResultRow("operator at scale", dags + " DAGs, CRUD mock", dags / allSeconds,
                    latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0,
                    latency.getValueAtPercentile(99.9) / 1000.0, "-", notes));
        } finally {
            if (deployments != null) {
                deployments.close();
            }
            if (operator != null) {
                operator.close();
            }
            operatorClient.close();
            client.close();
            server.destroy();
        }
    }

    /** Waits until every DAG's status carries its current generation; returns that moment. */
    private long awaitAllReconciled(KubernetesClient client) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (true) {
            List<Dag> listed = client.resources(Dag.class).inNamespace(NAMESPACE).list().getItems();
            long reconciled = listed.stream()
                    .filter(dag -> dag.getStatus() != null && dag.getStatus().getObservedGeneration() != null
                            && dag.getStatus().getObservedGeneration().equals(dag.getMetadata().getGeneration()))
                    .count();
            if (reconciled == dags) {
                return System.nanoTime();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Only " + reconciled + " of " + dags
                        + " DAGs were reconciled with status within 5 minutes");
            }
            Thread.sleep(200);
        }
    }

    private static long residentKiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }
}
