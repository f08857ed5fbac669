package io.dishtayantra.runtime.ha;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfig;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectorBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes this process an active instance of one DAG while it holds one of the DAG's Leases, and a
 * standby otherwise. With parallelism P there are P Leases (see {@link LeaseNames}); a standby
 * competes for every free one through fabric8's leader election and, once it holds one, stops
 * competing for the others and activates the DAG as that instance.
 *
 * <p>The active instance checks its own renewals: when {@code renewDeadline} has passed since the
 * renew time of its last successful write, it stops intake, even while a renewal request still
 * hangs. Other pods can take the Lease only after {@code leaseDuration} from that same renew
 * time, so two pods never consume as the same instance at once, provided the pods' clocks agree
 * within {@code leaseDuration - renewDeadline}. Losing the Lease makes the process a standby
 * again; it does not exit.
 *
 * <p>Parallelism is read again every retry period: an active instance whose index no longer
 * exists, or whose Lease name changes (between 1 and more instances), gives its Lease up.
 *
 * <p>Thread-safe. Lifecycle calls run on one thread of their own, in the order they were decided.
 */
public final class LeaseCoordinator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseCoordinator.class);

    /** Maximum wait of {@link #close} for the DAG to stop and the Lease to be released. */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(60);

    private final KubernetesClient client;
    private final String dag;
    private final String namespace;
    private final String identity;
    private final LeaseTimings timings;
    private final IntSupplier parallelism;
    private final InstanceLifecycle lifecycle;
    private final List<Consumer<InstanceRole>> roleListeners = new CopyOnWriteArrayList<>();

    private final ExecutorService electorThreads;
    private final ExecutorService lifecycleThread;
    private final ScheduledExecutorService guardThread;

    // Guarded by this.
    private final Map<Integer, Candidacy> candidacies = new HashMap<>();
    private Candidacy held;
    private int parallelismInUse;
    private boolean started;
    private boolean closed;

    private volatile InstanceRole role = InstanceRole.STANDBY;

    /** One Lease this process competes for, or holds. */
    private static final class Candidacy {
        final int index;
        final String lease;
        final RenewalTrackingLock lock;
        CompletableFuture<?> election;
        boolean relinquishing;

        Candidacy(int index, String lease, RenewalTrackingLock lock) {
            this.index = index;
            this.lease = lease;
            this.lock = lock;
        }
    }

    /**
     * @param client client of the API server holding the Leases; not closed here
     * @param dag the DAG's name, the stem of its Lease names
     * @param namespace namespace of the Leases
     * @param identity holder identity written into the Leases, normally the pod name
     * @param parallelism current number of active instances; called on the coordinator's threads
     * @param lifecycle opens and closes the DAG's intake
     */
    public LeaseCoordinator(KubernetesClient client, String dag, String namespace, String identity,
            LeaseTimings timings, IntSupplier parallelism, InstanceLifecycle lifecycle) {
        this.client = client;
        this.dag = dag;
        this.namespace = namespace;
        this.identity = identity;
        this.timings = timings;
        this.parallelism = parallelism;
        this.lifecycle = lifecycle;
        this.electorThreads = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("lease-" + dag + "-", 0).factory());
        this.lifecycleThread = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("lease-" + dag + "-lifecycle").factory());
        this.guardThread = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("lease-" + dag + "-guard").factory());
    }

    /** Returns this process's current role for the DAG. */
    public InstanceRole role() {
        return role;
    }

    /** Adds a listener called on every role change, on the lifecycle thread. */
    public void addRoleListener(Consumer<InstanceRole> listener) {
        roleListeners.add(listener);
    }

    /**
     * Starts competing for the DAG's Leases and watching renewals.
     *
     * @throws IllegalStateException when already started or closed
     */
    public synchronized void start() {
        if (started || closed) {
            throw new IllegalStateException("The lease coordinator of DAG " + dag + " was already started");
        }
        started = true;
        InstanceRoles.set(dag, InstanceRole.STANDBY);
        LOG.info("DAG {}: standby {} competing for Leases in namespace {} (lease {}, renew deadline {}, retry {})",
                dag, identity, namespace, timings.leaseDuration(), timings.renewDeadline(), timings.retryPeriod());
        compete();
        long guardMillis = Math.clamp(timings.retryPeriod().toMillis() / 4, 20, 250);
        guardThread.scheduleWithFixedDelay(this::checkRenewal, guardMillis, guardMillis, TimeUnit.MILLISECONDS);
        long scaleMillis = timings.retryPeriod().toMillis();
        guardThread.scheduleWithFixedDelay(this::checkParallelism, scaleMillis, scaleMillis, TimeUnit.MILLISECONDS);
    }

    /** Starts one candidacy per instance index; caller holds the lock. */
    private void compete() {
        int instances = readParallelism();
        parallelismInUse = instances;
        if (instances == 0) {
            LOG.info("DAG {}: parallelism is 0, so {} stays standby", dag, identity);
            return;
        }
        for (int index = 0; index < instances; index++) {
            Candidacy candidacy = newCandidacy(index, instances);
            candidacies.put(index, candidacy);
            candidacy.election = new LeaderElectorBuilder(client, electorThreads).withConfig(config(candidacy)).build().start();
        }
    }

    private Candidacy newCandidacy(int index, int instances) {
        String lease = LeaseNames.of(dag, instances, index);
        ObjectMeta metadata = new ObjectMetaBuilder()
                .withName(lease)
                .withNamespace(namespace)
                .addToLabels(LeaseNames.DAG_LABEL, dag)
                .addToLabels(LeaseNames.INSTANCE_LABEL, Integer.toString(index))
                .build();
        return new Candidacy(index, lease, new RenewalTrackingLock(new LeaseLock(metadata, identity)));
    }

    private LeaderElectionConfig config(Candidacy candidacy) {
        return new LeaderElectionConfigBuilder()
                .withName(candidacy.lease)
                .withLock(candidacy.lock)
                .withLeaseDuration(timings.leaseDuration())
                .withRenewDeadline(timings.renewDeadline())
                .withRetryPeriod(timings.retryPeriod())
                .withReleaseOnCancel(true)
                .withLeaderCallbacks(new LeaderCallbacks(
                        () -> startedLeading(candidacy),
                        () -> stoppedLeading(candidacy),
                        leader -> LOG.debug("DAG {}: Lease {} is held by {}", dag, candidacy.lease, leader)))
                .build();
    }

    private synchronized void startedLeading(Candidacy candidacy) {
        if (closed || candidacies.get(candidacy.index) != candidacy) {
            cancelLater(candidacy);
            return;
        }
        if (held != null) {
            // Two Leases were won at about the same time: keep the first, free the other.
            LOG.info("DAG {}: {} already is instance {}, so it releases Lease {}", dag, identity, held.index, candidacy.lease);
            candidacies.remove(candidacy.index);
            cancelLater(candidacy);
            return;
        }
        held = candidacy;
        for (Candidacy other : new ArrayList<>(candidacies.values())) {
            if (other != candidacy) {
                candidacies.remove(other.index);
                cancelLater(other);
            }
        }
        LOG.info("DAG {}: {} acquired Lease {} and becomes active instance {}", dag, identity, candidacy.lease,
                candidacy.index);
        lifecycleThread.execute(() -> activate(candidacy));
    }

    private void activate(Candidacy candidacy) {
        synchronized (this) {
            if (held != candidacy || candidacy.relinquishing) {
                return;
            }
        }
        try {
            lifecycle.activate(candidacy.index);
        } catch (RuntimeException error) {
            LOG.error("DAG {}: starting instance {} failed; releasing Lease {}", dag, candidacy.index, candidacy.lease, error);
            synchronized (this) {
                relinquish(candidacy, "the DAG failed to start", startFailureBackoff());
            }
            return;
        }
        boolean stillHeld;
        synchronized (this) {
            stillHeld = held == candidacy && !candidacy.relinquishing;
        }
        if (stillHeld) {
            changeRole(InstanceRole.active(candidacy.index, candidacy.lease));
        }
    }

    private synchronized void stoppedLeading(Candidacy candidacy) {
        if (held == candidacy && !candidacy.relinquishing) {
            LOG.warn("DAG {}: {} lost Lease {}", dag, identity, candidacy.lease);
            relinquish(candidacy, "Lease " + candidacy.lease + " was lost", Duration.ZERO);
        }
    }

    /**
     * Stops the active instance, frees its Lease and competes again after {@code pause}; caller
     * holds the lock.
     */
    private void relinquish(Candidacy candidacy, String reason, Duration pause) {
        if (held != candidacy || candidacy.relinquishing) {
            return;
        }
        candidacy.relinquishing = true;
        lifecycleThread.execute(() -> {
            changeRole(InstanceRole.STANDBY);
            try {
                lifecycle.deactivate(reason);
            } catch (RuntimeException error) {
                LOG.error("DAG {}: stopping instance {} failed", dag, candidacy.index, error);
            }
            cancelAndWait(candidacy);
            synchronized (this) {
                if (held == candidacy) {
                    held = null;
                }
                candidacies.remove(candidacy.index, candidacy);
            }
            if (pause.isZero()) {
                competeAgain();
                return;
            }
            LOG.info("DAG {}: {} waits {} before competing again, so that another pod may start the DAG",
                    dag, identity, pause);
            try {
                guardThread.schedule(this::competeAgain, pause.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                // close() stopped the scheduler; there is nothing to compete for any more.
            }
        });
    }

    private synchronized void competeAgain() {
        if (!closed && held == null && candidacies.isEmpty()) {
            LOG.info("DAG {}: {} is standby again and competes for the Leases", dag, identity);
            compete();
        }
    }

    /**
     * Returns the wait after a failed start: five retry periods, so that a pod that cannot start
     * the DAG (a broken node, a missing secret) leaves the Lease to others for a while.
     */
    private Duration startFailureBackoff() {
        return timings.retryPeriod().multipliedBy(5);
    }

    private void checkRenewal() {
        try {
            synchronized (this) {
                Candidacy candidacy = held;
                if (closed || candidacy == null || candidacy.relinquishing) {
                    return;
                }
                Instant renewed = candidacy.lock.lastRenewTime();
                if (renewed != null && Instant.now().isAfter(renewed.plus(timings.renewDeadline()))) {
                    LOG.warn("DAG {}: Lease {} was last renewed at {}, more than {} ago; stopping intake before it"
                            + " can expire at {}", dag, candidacy.lease, renewed, timings.renewDeadline(),
                            renewed.plus(timings.leaseDuration()));
                    relinquish(candidacy, "Lease " + candidacy.lease + " could not be renewed", Duration.ZERO);
                }
            }
        } catch (RuntimeException error) {
            LOG.error("DAG {}: checking the Lease renewal failed", dag, error);
        }
    }

    private void checkParallelism() {
        try {
            synchronized (this) {
                int instances = readParallelism();
                if (closed || instances == parallelismInUse) {
                    return;
                }
                LOG.info("DAG {}: parallelism changed from {} to {}", dag, parallelismInUse, instances);
                boolean leaseNameChanges = (instances == 1) != (parallelismInUse == 1);
                parallelismInUse = instances;
                Candidacy candidacy = held;
                if (candidacy != null) {
                    if (!candidacy.relinquishing && (candidacy.index >= instances || leaseNameChanges)) {
                        relinquish(candidacy, "parallelism changed to " + instances, Duration.ZERO);
                    }
                    return;
                }
                for (Candidacy other : candidacies.values()) {
                    cancelLater(other);
                }
                candidacies.clear();
                compete();
            }
        } catch (RuntimeException error) {
            LOG.error("DAG {}: checking the parallelism failed", dag, error);
        }
    }

    private int readParallelism() {
        return Math.max(parallelism.getAsInt(), 0);
    }

    private void changeRole(InstanceRole next) {
        if (next.equals(role)) {
            return;
        }
        role = next;
        InstanceRoles.set(dag, next);
        for (Consumer<InstanceRole> listener : roleListeners) {
            try {
                listener.accept(next);
            } catch (RuntimeException error) {
                LOG.warn("DAG {}: a role listener failed: {}", dag, error.toString());
            }
        }
    }

    /** Ends an election off the caller's thread: releasing a held Lease is an API call. */
    private void cancelLater(Candidacy candidacy) {
        CompletableFuture<?> election = candidacy.election;
        if (election != null) {
            electorThreads.execute(() -> election.cancel(true));
        }
    }

    private void cancelAndWait(Candidacy candidacy) {
        CompletableFuture<?> election = candidacy.election;
        if (election == null) {
            return;
        }
        Future<?> cancelling = electorThreads.submit(() -> election.cancel(true));
        try {
            cancelling.get(timings.renewDeadline().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException error) {
            LOG.warn("DAG {}: releasing Lease {} did not complete: {}", dag, candidacy.lease, error.toString());
        }
    }

    /**
     * Stops the active instance, if any, releases its Lease so that a standby takes over at once,
     * and stops competing. Waits up to a minute. Idempotent.
     */
    @Override
    public void close() {
        Candidacy active;
        List<Candidacy> others = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            active = held;
            for (Candidacy candidacy : candidacies.values()) {
                if (candidacy != active) {
                    others.add(candidacy);
                }
            }
            candidacies.clear();
        }
        guardThread.shutdownNow();
        others.forEach(this::cancelLater);
        Future<?> stopping = lifecycleThread.submit(() -> {
            boolean stopHere;
            synchronized (this) {
                stopHere = active != null && !active.relinquishing;
                if (stopHere) {
                    active.relinquishing = true;
                }
            }
            if (stopHere) {
                changeRole(InstanceRole.STANDBY);
                try {
                    lifecycle.deactivate("the process is stopping");
                } catch (RuntimeException error) {
                    LOG.error("DAG {}: stopping instance {} failed", dag, active.index, error);
                }
                cancelAndWait(active);
                LOG.info("DAG {}: {} released Lease {}", dag, identity, active.lease);
            }
        });
        try {
            stopping.get(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException error) {
            LOG.warn("DAG {}: stopping the active instance did not complete: {}", dag, error.toString());
        }
        lifecycleThread.shutdown();
        electorThreads.shutdown();
        InstanceRoles.remove(dag);
    }
}
