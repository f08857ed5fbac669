package io.dishtayantra.operator.reconciler;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.validation.ValidationReport;

/** Checks a DAG's spec the way the runtime will, before anything is rolled out. */
public interface SpecValidation {

    /**
     * Returns every problem found in the DAG's spec; an empty report means the runtime will
     * accept it. Must be thread-safe: reconciliations of different DAGs run in parallel.
     */
    ValidationReport validate(Dag dag);
}
