package io.dishtayantra.crd.v1alpha1;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/** A schedule that DAGs in the same namespace reference through {@code spec.timeWindowRef}. */
@Group(Dag.GROUP)
@Version(Dag.VERSION)
@Kind("TimeWindow")
@Plural("timewindows")
@Singular("timewindow")
@ShortNames("tw")
public class TimeWindow extends CustomResource<TimeWindowSpec, TimeWindowStatus> implements Namespaced {
}
