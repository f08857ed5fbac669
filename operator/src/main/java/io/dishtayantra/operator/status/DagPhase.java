package io.dishtayantra.operator.status;

/** The phase shown in {@code status.phase} and the Phase column of {@code kubectl get dag}. */
public enum DagPhase {
    /** Valid, but fewer ready pods than active instances yet. */
    Pending,
    /** Every active instance has a ready pod. */
    Running,
    /** {@code spec.suspend} is true: pods stay, intake is paused. */
    Suspended,
    /** No pods are desired, so nothing runs. */
    Stopped,
    /** The workload cannot run: its rollout failed, or its objects belong to someone else. */
    Failed,
    /** The spec did not pass validation; the running workload keeps the last valid spec. */
    Invalid
}
