package io.dishtayantra.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
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
@AdditionalPrinterColumn(name = "State", jsonPath = ".status.state", type = Type.STRING,
        getDescription = "Before, Active, After or Excluded.")
@AdditionalPrinterColumn(name = "Next", jsonPath = ".status.nextTransition", type = Type.STRING,
        getDescription = "When the state next changes.")
@AdditionalPrinterColumn(name = "DAGs", jsonPath = ".status.dags", type = Type.INTEGER,
        getDescription = "Number of DAGs that reference this window.")
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
public class TimeWindow extends CustomResource<TimeWindowSpec, TimeWindowStatus> implements Namespaced {

    @Override
    @JsonPropertyDescription("The schedule: a daily window in one time zone, on some days, minus excluded dates.")
    public TimeWindowSpec getSpec() {
        return super.getSpec();
    }

    @Override
    @JsonPropertyDescription("What the operator observed of this window; written by the operator only.")
    public TimeWindowStatus getStatus() {
        return super.getStatus();
    }
}
