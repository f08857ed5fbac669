package io.dishtayantra.runtime.ha;

/**
 * Names and labels of the Leases of a DAG: {@code <dag>} when one instance runs, otherwise
 * {@code <dag>-0} to {@code <dag>-(P-1)}. The operator finds them by the {@link #DAG_LABEL} label.
 */
public final class LeaseNames {

    /** Label whose value is the DAG's name, on every Lease of that DAG. */
    public static final String DAG_LABEL = "dishtayantra.io/dag";

    /** Label whose value is the instance index the Lease stands for. */
    public static final String INSTANCE_LABEL = "dishtayantra.io/instance";

    private LeaseNames() {
    }

    /**
     * Returns the Lease name of instance {@code index} out of {@code parallelism}.
     *
     * @throws IllegalArgumentException when the index is outside 0..parallelism-1
     */
    public static String of(String dag, int parallelism, int index) {
        if (index < 0 || index >= parallelism) {
            throw new IllegalArgumentException("Instance index " + index + " is outside 0.." + (parallelism - 1));
        }
        return parallelism == 1 ? dag : dag + "-" + index;
    }
}
