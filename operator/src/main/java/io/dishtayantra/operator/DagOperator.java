package io.dishtayantra.operator;

import io.dishtayantra.operator.config.OperatorConfig;
import io.dishtayantra.operator.event.EventRecorder;
import io.dishtayantra.operator.health.OperatorHttpServer;
import io.dishtayantra.operator.health.Readiness;
import io.dishtayantra.operator.leader.LeaderTracker;
import io.dishtayantra.operator.metrics.OperatorMetrics;
import io.dishtayantra.operator.model.Labels;
import io.dishtayantra.operator.reconciler.DagReconciler;
import io.dishtayantra.operator.reconciler.NamespaceRbacReconciler;
import io.dishtayantra.operator.reconciler.ResourceApplier;
import io.dishtayantra.operator.reconciler.SpecNormalization;
import io.dishtayantra.operator.reconciler.SpecValidation;
import io.dishtayantra.operator.status.DagStatusFactory;
import io.dishtayantra.operator.status.StatusWriter;
import io.dishtayantra.operator.window.DagWindowStep;
import io.dishtayantra.operator.window.TimeWindowReconciler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.RegisteredController;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.javaoperatorsdk.operator.health.InformerHealthIndicator;
import io.javaoperatorsdk.operator.health.InformerWrappingEventSourceHealthIndicator;
import io.javaoperatorsdk.operator.health.Status;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One operator process: the JOSDK operator with the DAG reconciler, leader election, metrics and
 * health endpoints, wired from an {@link OperatorConfig}. Used by {@link OperatorMain} and by
 * tests, which pass a client of a mock API server.
 */
public final class DagOperator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DagOperator.class);
    private static final String CONTROLLER = "dag";

    private final OperatorConfig config;
    private final OperatorMetrics metrics = new OperatorMetrics();
    private final LeaderTracker leader;
    private final Operator operator;
    private OperatorHttpServer httpServer;

    /**
     * Builds the operator; nothing runs until {@link #start()}.
     *
     * @param exitOnLostLease what to run when the Lease is lost and exit is configured
     */
    public DagOperator(KubernetesClient client, OperatorConfig config, SpecValidation validation,
            SpecNormalization normalization, Runnable exitOnLostLease) {
        this(client, config, validation, normalization, exitOnLostLease, Clock.systemUTC());
    }

    /**
     * Builds the operator with another clock, which decides where DAGs are in their time windows.
     *
     * @param exitOnLostLease what to run when the Lease is lost and exit is configured
     */
    public DagOperator(KubernetesClient client, OperatorConfig config, SpecValidation validation,
            SpecNormalization normalization, Runnable exitOnLostLease, Clock clock) {
        this.config = config;
        this.leader = new LeaderTracker(config.leaderElection(), metrics, exitOnLostLease);
        EventRecorder events = new EventRecorder(client, clock, Duration.ofMinutes(10), Labels.OPERATOR_NAME,
                metrics.eventsSuppressed());
        DagReconciler reconciler = new DagReconciler(config, validation, normalization, new ResourceApplier(client),
                new NamespaceRbacReconciler(client, config.runtimeServiceAccount()), new DagStatusFactory(clock),
                new StatusWriter(client), events, metrics, leader,
                new DagWindowStep(client, clock, config.cloneImage()));

        operator = new Operator(overrider -> {
            overrider.withKubernetesClient(client)
                    .withCloseClientOnStop(false)
                    // Server-side apply is not used: updates carry resourceVersions, status goes as merge patch.
                    .withUseSSAToPatchPrimaryResource(false)
                    .withSSABasedCreateUpdateMatchForDependentResources(false)
                    .withConcurrentReconciliationThreads(config.reconcileThreads())
                    // One namespace the operator cannot read must not stop the others.
                    .withStopOnInformerErrorDuringStartup(false)
                    .withCacheSyncTimeout(config.cacheSyncTimeout());
            if (config.leaderElection().enabled()) {
                var settings = config.leaderElection();
                var election = LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(settings.leaseName())
                        .withLeaseDuration(settings.leaseDuration())
                        .withRenewDeadline(settings.renewDeadline())
                        .withRetryPeriod(settings.retryPeriod())
                        .withLeaderCallbacks(leader.callbacks())
                        // LeaderTracker decides about exiting; JOSDK's own exit also fires on stop().
                        .withExitOnStopLeading(false);
                if (!settings.leaseNamespace().isBlank()) {
                    election.withLeaseNamespace(settings.leaseNamespace());
                }
                if (!settings.identity().isBlank()) {
                    election.withIdentity(settings.identity());
                }
                overrider.withLeaderElectionConfiguration(election.build());
            }
        });
        operator.register(reconciler, controller -> {
            controller.withName(CONTROLLER);
            controller.withReconciliationMaxInterval(config.resyncInterval());
            if (!config.watchLabelSelector().isBlank()) {
                controller.withLabelSelector(config.watchLabelSelector());
            }
            if (config.watchesAllNamespaces()) {
                controller.watchingAllNamespaces();
            } else {
                controller.settingNamespaces(config.watchNamespaces());
            }
        });
        operator.register(new TimeWindowReconciler(clock), controller -> {
            controller.withReconciliationMaxInterval(config.resyncInterval());
            if (config.watchesAllNamespaces()) {
                controller.watchingAllNamespaces();
            } else {
                controller.settingNamespaces(config.watchNamespaces());
            }
        });
    }

    /**
     * Starts the HTTP endpoints, then the operator. With leader election on, reconciliation
     * begins once this replica acquires the Lease.
     *
     * @throws IOException when the HTTP port cannot be bound
     */
    public void start() throws IOException {
        httpServer = new OperatorHttpServer(config.httpPort(), metrics, this::live, this::readiness);
        operator.start();
        LOG.info("Operator started; watching {}", config.watchesAllNamespaces() ? "all namespaces"
                : "namespaces " + config.watchNamespaces());
    }

    /** Stops reconciling, releases the Lease and closes the HTTP endpoints. Idempotent. */
    @Override
    public void close() {
        leader.shuttingDown();
        try {
            operator.stop();
        } catch (RuntimeException e) {
            LOG.warn("Operator stop failed: {}", e.toString());
        }
        if (httpServer != null) {
            httpServer.close();
        }
        LOG.info("Operator stopped");
    }

    public OperatorMetrics metrics() {
        return metrics;
    }

    public LeaderTracker leader() {
        return leader;
    }

    /** Port of the metrics and health endpoints, once started. */
    public int httpPort() {
        return httpServer.port();
    }

    private boolean live() {
        return !leader.lostLease();
    }

    /**
     * Ready once started. Informers that cannot watch a namespace are listed but do not make the
     * operator unready, because the other namespaces are still reconciled.
     */
    private Readiness readiness() {
        if (!operator.getRuntimeInfo().isStarted()) {
            return new Readiness(false, List.of("operator not started"));
        }
        List<String> problems = new ArrayList<>();
        for (RegisteredController<?> controller : operator.getRuntimeInfo().getRegisteredControllers()) {
            String name = controller.getConfiguration().getName();
            // Every event source that wraps informers, the DAG informer included.
            controller.getControllerHealthInfo().eventSourceHealthIndicators().forEach((source, health) -> {
                if (!(health instanceof InformerWrappingEventSourceHealthIndicator<?> indicator)) {
                    return;
                }
                Map<String, InformerHealthIndicator> informers = indicator.informerHealthIndicators();
                informers.forEach((namespace, informer) -> {
                    if (informer.getStatus() != Status.HEALTHY) {
                        problems.add(name + "/" + source + ": namespace " + namespace + " is not watched (running="
                                + informer.isRunning() + ", synced=" + informer.hasSynced() + ", watching="
                                + informer.isWatching() + "); check the operator's RBAC there");
                    }
                });
                if (!config.watchesAllNamespaces()) {
                    for (String namespace : config.watchNamespaces()) {
                        if (!informers.containsKey(namespace)) {
                            problems.add(name + "/" + source + ": namespace " + namespace + " has no informer");
                        }
                    }
                }
            });
        }
        return new Readiness(true, problems);
    }
}
