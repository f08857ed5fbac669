package io.dishtayantra.operator.status;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseSpec;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The pods that consume a DAG's input: the holders of its Leases whose last renewal is not older
 * than the Lease duration. A Lease of one second counts as released, because that is how fabric8
 * releases one (it keeps the holder). A killed pod stays listed until its Lease expires and the
 * next reconciliation runs.
 */
public final class ActivePods {

    /** Duration fabric8 7.5 writes into a Lease it releases. */
    private static final int RELEASED_DURATION_SECONDS = 1;

    private ActivePods() {
    }

    /** Returns the holders of the unexpired Leases, sorted and without repeats. */
    public static List<String> of(Collection<Lease> leases, Instant now) {
        return leases.stream()
                .map(Lease::getSpec)
                .filter(Objects::nonNull)
                .filter(spec -> spec.getHolderIdentity() != null && !spec.getHolderIdentity().isEmpty())
                .filter(spec -> !expired(spec, now))
                .map(LeaseSpec::getHolderIdentity)
                .distinct()
                .sorted()
                .toList();
    }

    private static boolean expired(LeaseSpec spec, Instant now) {
        if (spec.getRenewTime() == null || spec.getLeaseDurationSeconds() == null
                || spec.getLeaseDurationSeconds() <= RELEASED_DURATION_SECONDS) {
            return true;
        }
        return spec.getRenewTime().toInstant().plusSeconds(spec.getLeaseDurationSeconds()).isBefore(now);
    }
}
