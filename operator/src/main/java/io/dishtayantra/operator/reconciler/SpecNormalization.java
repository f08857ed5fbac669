package io.dishtayantra.operator.reconciler;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.operator.model.NormalizedSpec;

/** Turns a DAG into the manifest its runtime pods load, and the hash that decides a rollout. */
public interface SpecNormalization {

    /**
     * Normalises a DAG. Two DAGs that differ only in metadata other than name and namespace, in
     * status, or in defaults written out or left implicit, give equal results. Thread-safe.
     */
    NormalizedSpec normalize(Dag dag);
}
