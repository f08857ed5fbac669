package io.dishtayantra.operator.model;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.v1alpha1.RuntimeSpec;

/** Defaults of {@code spec.runtime} applied in one place. */
public final class RuntimeSettings {

    private RuntimeSettings() {
    }

    /** Active instances; 1 when unset. */
    public static int parallelism(Dag dag) {
        RuntimeSpec runtime = runtime(dag);
        return runtime == null || runtime.getParallelism() == null ? 1 : runtime.getParallelism();
    }

    /** Pods per instance (one active, the rest standbys); 1 when unset. */
    public static int replicasPerInstance(Dag dag) {
        RuntimeSpec runtime = runtime(dag);
        return runtime == null || runtime.getReplicas() == null ? 1 : runtime.getReplicas();
    }

    private static RuntimeSpec runtime(Dag dag) {
        return dag.getSpec() == null ? null : dag.getSpec().getRuntime();
    }

    /** Pods of the Deployment: instances times pods per instance. */
    public static int podCount(Dag dag) {
        return parallelism(dag) * replicasPerInstance(dag);
    }
}
