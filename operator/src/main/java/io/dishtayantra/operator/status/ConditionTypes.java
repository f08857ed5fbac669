package io.dishtayantra.operator.status;

/** Condition types of a DAG's status. */
public final class ConditionTypes {

    /** Whether the spec passed validation. */
    public static final String VALID = "Valid";

    /** Whether every desired runtime pod is ready on the current spec. */
    public static final String READY = "Ready";

    /** Whether the runtime was told to pause intake. */
    public static final String SUSPENDED = "Suspended";

    private ConditionTypes() {
    }
}
