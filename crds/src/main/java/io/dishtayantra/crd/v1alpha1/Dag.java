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
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = Type.STRING,
        getDescription = "Pending, Running, Suspended, Stopped, Failed or Invalid.")
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.ready", type = Type.STRING,
        getDescription = "Ready pods over desired pods.")
@AdditionalPrinterColumn(name = "Window", jsonPath = ".status.window", type = Type.STRING,
        getDescription = "Time window of the DAG and its state.")
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
@AdditionalPrinterColumn(name = "Message", jsonPath = ".status.message", type = Type.STRING,
        getDescription = "Short explanation of the phase.")
public class Dag extends CustomResource<DagSpec, DagStatus> implements Namespaced {

    public static final String GROUP = "dishtayantra.io";
    public static final String VERSION = "v1alpha1";
    public static final String API_VERSION = GROUP + "/" + VERSION;
    public static final String KIND = "DAG";

    @Override
    @JsonPropertyDescription("The desired pipeline: its components, its graph and how and when it runs.")
    public DagSpec getSpec() {
        return super.getSpec();
    }

    @Override
    @JsonPropertyDescription("What the operator observed of this DAG; written by the operator only.")
    public DagStatus getStatus() {
        return super.getStatus();
    }
}
