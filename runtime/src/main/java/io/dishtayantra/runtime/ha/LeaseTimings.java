package io.dishtayantra.runtime.ha;

import io.dishtayantra.crd.time.Durations;
import io.dishtayantra.crd.v1alpha1.LeaderElectionSpec;
import java.time.Duration;

/**
 * Timing of the Leases that pick the active instances of a DAG.
 *
 * @param leaseDuration how long a Lease stays valid after its last renewal; another pod may take
 *     it over once this has passed
 * @param renewDeadline how long after its last successful renewal the active pod keeps consuming;
 *     shorter than {@code leaseDuration}, so intake stops before anyone else can take the Lease
 * @param retryPeriod time between acquisition and renewal attempts
 */
public record LeaseTimings(Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {

    public static final LeaseTimings DEFAULT =
            new LeaseTimings(Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(2));

    /**
     * @throws IllegalArgumentException unless leaseDuration &gt; renewDeadline &gt; retryPeriod &gt; 0
     *     and leaseDuration is whole seconds (a Lease stores it in seconds)
     */
    public LeaseTimings {
        if (retryPeriod.isNegative() || retryPeriod.isZero()) {
            throw new IllegalArgumentException("retryPeriod must be positive, not " + retryPeriod);
        }
        if (renewDeadline.compareTo(retryPeriod) <= 0) {
            throw new IllegalArgumentException("renewDeadline (" + renewDeadline + ") must be longer than retryPeriod ("
                    + retryPeriod + ")");
        }
        if (leaseDuration.compareTo(renewDeadline) <= 0) {
            throw new IllegalArgumentException("leaseDuration (" + leaseDuration + ") must be longer than renewDeadline ("
                    + renewDeadline + ")");
        }
        if (leaseDuration.toMillisPart() != 0) {
            throw new IllegalArgumentException("leaseDuration must be whole seconds, not " + leaseDuration
                    + ", because a Lease stores it in seconds");
        }
    }

    /** Reads {@code spec.runtime.leaderElection}; unset fields take the defaults 15s, 10s and 2s. */
    public static LeaseTimings from(LeaderElectionSpec spec) {
        if (spec == null) {
            return DEFAULT;
        }
        return new LeaseTimings(
                durationOr(spec.getLeaseDuration(), DEFAULT.leaseDuration(), "leaseDuration"),
                durationOr(spec.getRenewDeadline(), DEFAULT.renewDeadline(), "renewDeadline"),
                durationOr(spec.getRetryPeriod(), DEFAULT.retryPeriod(), "retryPeriod"));
    }

    private static Duration durationOr(String text, Duration fallback, String field) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        if (!Durations.isValid(text)) {
            throw new IllegalArgumentException("spec.runtime.leaderElection." + field + " '" + text
                    + "' is not a duration: write one such as 15s or 500ms");
        }
        return Durations.parse(text);
    }
}
