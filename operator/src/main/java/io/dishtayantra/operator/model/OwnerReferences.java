package io.dishtayantra.operator.model;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;

/** Owner references that make a DAG's objects go when the DAG is deleted. */
public final class OwnerReferences {

    private OwnerReferences() {
    }

    /** A controller reference to the DAG; the garbage collector deletes the object with it. */
    public static OwnerReference controlledBy(Dag dag) {
        return new OwnerReferenceBuilder()
                .withApiVersion(Dag.API_VERSION)
                .withKind(Dag.KIND)
                .withName(dag.getMetadata().getName())
                .withUid(dag.getMetadata().getUid())
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build();
    }
}
