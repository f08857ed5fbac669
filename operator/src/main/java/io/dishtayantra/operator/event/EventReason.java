package io.dishtayantra.operator.event;

/** Reasons of the Kubernetes Events the operator records on a DAG. */
public enum EventReason {
    /** The runtime's ConfigMap, Deployment and Service were created. */
    Deployed("Normal"),
    /** A changed spec is being rolled out under a new spec hash. */
    SpecChanged("Normal"),
    /** An owned object deleted behind the operator's back was created again. */
    Recreated("Normal"),
    Running("Normal"),
    Suspended("Normal"),
    Resumed("Normal"),
    Stopped("Normal"),
    /** The spec failed validation; nothing was rolled out. */
    InvalidSpec("Warning"),
    /** The workload could not be applied or its rollout failed. */
    Failed("Warning");

    private final String type;

    EventReason(String type) {
        this.type = type;
    }

    /** Normal or Warning. */
    public String type() {
        return type;
    }
}
