package io.dishtayantra.crd.v1alpha1;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A pipeline of subscribers, calculators, transformers and publishers run in topological order.
 * The same document is a Kubernetes resource and the file {@code dishtayantra run} takes.
 */
@Group(Dag.GROUP)
@Version(Dag.VERSION)
@Kind("DAG")
@Plural("dags")
@Singular("dag")
@ShortNames("dag")
public class Dag extends CustomResource<DagSpec, DagStatus> implements Namespaced {

    public static final String GROUP = "dishtayantra.io";
    public static final String VERSION = "v1alpha1";
    public static final String API_VERSION = GROUP + "/" + VERSION;
    public static final String KIND = "DAG";
}
