package io.dishtayantra.runtime.ha;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The role of this process for each DAG that runs under a Lease, which
 * {@link io.dishtayantra.runtime.metrics.InstanceRoleCollector} exports on {@code /metrics}.
 * DAGs that run without Leases (local mode) are absent. Process-wide and thread-safe: several
 * coordinators of one DAG in one process (as in tests) overwrite each other's entry.
 */
public final class InstanceRoles {

    private static final ConcurrentMap<String, InstanceRole> ROLES = new ConcurrentHashMap<>();

    private InstanceRoles() {
    }

    /** Records the current role of a DAG; called by the DAG's {@link LeaseCoordinator}. */
    static void set(String dag, InstanceRole role) {
        ROLES.put(dag, role);
    }

    /** Forgets a DAG once its coordinator closed. */
    static void remove(String dag) {
        ROLES.remove(dag);
    }

    /** Returns the role of one DAG, or empty when it runs without a Lease. */
    public static Optional<InstanceRole> of(String dag) {
        return Optional.ofNullable(ROLES.get(dag));
    }

    /** Returns every DAG's role, sorted by DAG name. */
    public static Map<String, InstanceRole> all() {
        return new TreeMap<>(ROLES);
    }
}
