package io.dishtayantra.operator.status;

/** Condition types of a DAG's status. */
public final class ConditionTypes {

    /** Whether the spec passed validation. */
    public static final String VALID = "Valid";

    /** Whether every desired runtime pod is ready on the current spec. */
    public static final String READY = "Ready";

    /** Whether the operator delivered a request to pause intake to the runtime. */
    public static final String SUSPENDED = "Suspended";

    private ConditionTypes() {
    }
}
