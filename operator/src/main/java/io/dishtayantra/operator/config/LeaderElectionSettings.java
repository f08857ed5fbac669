package io.dishtayantra.operator.config;

import java.time.Duration;

/**
 * Lease-based leader election of operator replicas.
 *
 * @param enabled whether replicas elect a leader; when false every replica reconciles, so run one
 * @param leaseName name of the coordination.k8s.io Lease
 * @param leaseNamespace namespace of the Lease, normally the operator's own
 * @param identity holder identity written into the Lease, normally the pod name
 * @param leaseDuration how long a Lease is valid without renewal
 * @param renewDeadline how long the leader keeps trying to renew before it gives up
 * @param retryPeriod time between acquisition and renewal attempts
 * @param exitOnLostLease whether the process exits with status 1 when it loses the Lease, so that
 *     Kubernetes restarts it as a follower. When false it stops reconciling and fails liveness
 */
public record LeaderElectionSettings(
        boolean enabled,
        String leaseName,
        String leaseNamespace,
        String identity,
        Duration leaseDuration,
        Duration renewDeadline,
        Duration retryPeriod,
        boolean exitOnLostLease) {

    /** Returns a copy with another identity. */
    public LeaderElectionSettings withIdentity(String newIdentity) {
        return new LeaderElectionSettings(enabled, leaseName, leaseNamespace, newIdentity, leaseDuration,
                renewDeadline, retryPeriod, exitOnLostLease);
    }
}
