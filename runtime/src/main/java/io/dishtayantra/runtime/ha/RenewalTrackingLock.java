package io.dishtayantra.runtime.ha;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaderElectionRecord;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.Lock;
import java.time.Instant;

/**
 * A Lease lock that records the renew time of the last record this process wrote successfully as
 * holder. Other pods may take the Lease once {@code renewTime + leaseDuration} has passed, so the
 * active pod uses that time to stop intake on its own clock, even when a renewal request hangs.
 * Thread-safe.
 */
final class RenewalTrackingLock implements Lock {

    private final Lock lease;
    private volatile Instant lastRenewTime;

    RenewalTrackingLock(Lock lease) {
        this.lease = lease;
    }

    /** Returns the renew time of the last successful write as holder, or null when there was none. */
    Instant lastRenewTime() {
        return lastRenewTime;
    }

    @Override
    public LeaderElectionRecord get(KubernetesClient client) {
        return lease.get(client);
    }

    @Override
    public void create(KubernetesClient client, LeaderElectionRecord record) {
        lease.create(client, record);
        recordWritten(record);
    }

    @Override
    public void update(KubernetesClient client, LeaderElectionRecord record) {
        lease.update(client, record);
        recordWritten(record);
    }

    private void recordWritten(LeaderElectionRecord record) {
        if (identity().equals(record.getHolderIdentity()) && record.getRenewTime() != null) {
            lastRenewTime = record.getRenewTime().toInstant();
        } else {
            lastRenewTime = null;
        }
    }

    @Override
    public String identity() {
        return lease.identity();
    }

    @Override
    public String describe() {
        return lease.describe();
    }
}
