package io.dishtayantra.operator.leader;

import io.dishtayantra.operator.config.LeaderElectionSettings;
import io.dishtayantra.operator.metrics.OperatorMetrics;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks whether this replica may reconcile, and decides what losing the Lease does.
 *
 * <p>JOSDK 5.2.3 either calls {@code System.exit(1)} when leadership ends, also during a normal
 * {@code Operator.stop()}, or only logs and keeps reconciling. The operator therefore runs JOSDK
 * with exit disabled and handles the loss here: reconciliation is refused at once, and when
 * {@code exitOnLostLease} is set the process exits with status 1 so that Kubernetes restarts it
 * as a follower. A loss during shutdown does neither. Thread-safe.
 */
public final class LeaderTracker {

    private static final Logger LOG = LoggerFactory.getLogger(LeaderTracker.class);

    private final LeaderElectionSettings settings;
    private final OperatorMetrics metrics;
    private final Runnable exit;
    private final AtomicBoolean leader = new AtomicBoolean();
    private final AtomicBoolean lostLease = new AtomicBoolean();
    private final AtomicBoolean shuttingDown = new AtomicBoolean();

    /**
     * @param exit what to run when the Lease is lost and exit is configured; normally
     *     {@code () -> System.exit(1)} on a new thread
     */
    public LeaderTracker(LeaderElectionSettings settings, OperatorMetrics metrics, Runnable exit) {
        this.settings = settings;
        this.metrics = metrics;
        this.exit = exit;
        if (!settings.enabled()) {
            leader.set(true);
        }
        metrics.leader(leader.get());
    }

    /** Callbacks to hand to JOSDK's leader election configuration. */
    public LeaderCallbacks callbacks() {
        return new LeaderCallbacks(this::startedLeading, this::stoppedLeading, this::newLeader);
    }

    /** Returns whether this replica may write to the cluster now. */
    public boolean mayReconcile() {
        return leader.get();
    }

    /** Returns whether this replica lost its Lease and stayed alive because exit is disabled; liveness then fails. */
    public boolean lostLease() {
        return lostLease.get();
    }

    /** Marks a deliberate stop, so that the Lease release that follows is not treated as a loss. */
    public void shuttingDown() {
        shuttingDown.set(true);
    }

    private void startedLeading() {
        leader.set(true);
        metrics.leader(true);
        LOG.info("Leadership acquired: Lease {}/{} held by {}", settings.leaseNamespace(), settings.leaseName(),
                settings.identity());
    }

    private void stoppedLeading() {
        boolean wasLeader = leader.getAndSet(false);
        metrics.leader(false);
        if (shuttingDown.get()) {
            LOG.info("Leadership released on shutdown: Lease {}/{}", settings.leaseNamespace(), settings.leaseName());
            return;
        }
        lostLease.set(true);
        LOG.error("Leadership lost (was leader: {}): Lease {}/{}; reconciliation stopped", wasLeader,
                settings.leaseNamespace(), settings.leaseName());
        if (settings.exitOnLostLease()) {
            LOG.error("Exiting with status 1 so that Kubernetes restarts this replica as a follower");
            exit.run();
        }
    }

    private void newLeader(String identity) {
        LOG.info("Lease {}/{} is held by {}", settings.leaseNamespace(), settings.leaseName(), identity);
    }
}
