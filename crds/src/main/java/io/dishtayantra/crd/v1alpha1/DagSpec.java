package io.dishtayantra.crd.v1alpha1;

import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.generator.annotation.Size;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import java.util.ArrayList;
import java.util.List;

/** The desired pipeline: its components, its graph and how and when it runs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DagSpec {

    @JsonPropertyDescription("Stop intake while true; data waits in the sources. Nothing is deleted.")
    private Boolean suspend;

    @Size(max = 64)
    @ValidationRule(value = "self.all(x, self.exists_one(y, y.name == x.name))", message = "subscriber names must be unique")
    @JsonPropertyDescription("Sources of events, each referenced by a Subscription node.")
    private List<SubscriberSpec> subscribers = new ArrayList<>();

    @Size(max = 64)
    @ValidationRule(value = "self.all(x, self.exists_one(y, y.name == x.name))", message = "publisher names must be unique")
    @JsonPropertyDescription("Destinations of events, referenced by Publication nodes and deadLetter.")
    private List<PublisherSpec> publishers = new ArrayList<>();

    @Size(max = 256)
    @ValidationRule(value = "self.all(x, self.exists_one(y, y.name == x.name))", message = "calculator names must be unique")
    @JsonPropertyDescription("Calculators that nodes reference by name.")
    private List<ComponentSpec> calculators = new ArrayList<>();

    @Size(max = 256)
    @ValidationRule(value = "self.all(x, self.exists_one(y, y.name == x.name))", message = "transformer names must be unique")
    @JsonPropertyDescription("Transformers that nodes and edges reference by name.")
    private List<ComponentSpec> transformers = new ArrayList<>();

    @Size(max = 256)
    @ValidationRule(value = "self.all(x, self.exists_one(y, y.name == x.name))", message = "node names must be unique")
    @JsonPropertyDescription("The graph's nodes, run in topological order.")
    private List<NodeSpec> nodes = new ArrayList<>();

    @Size(max = 1024)
    @JsonPropertyDescription("Directed edges between nodes; together with nodes they must form an acyclic graph.")
    private List<EdgeSpec> edges = new ArrayList<>();

    @JsonPropertyDescription("Name of the publisher that receives events a node failed on, with the error.")
    private String deadLetter;

    @JsonPropertyDescription("Name of a TimeWindow in the same namespace that schedules this DAG.")
    private String timeWindowRef;

    @JsonPropertyDescription("A window embedded in the DAG, for standalone runs; ignored when timeWindowRef is set.")
    private TimeWindowSpec timeWindow;

    @Pattern("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
    @JsonPropertyDescription("Date (YYYY-MM-DD, in the window's time zone) of the one window occurrence this DAG runs."
            + " Dated clones set it; the DAG runs no other occurrence.")
    private String windowDate;

    @JsonPropertyDescription("Settings of the runtime pods that run this DAG in a cluster.")
    private RuntimeSpec runtime;

    public Boolean getSuspend() {
        return suspend;
    }

    public void setSuspend(Boolean suspend) {
        this.suspend = suspend;
    }

    public boolean suspended() {
        return Boolean.TRUE.equals(suspend);
    }

    public List<SubscriberSpec> getSubscribers() {
        return subscribers;
    }

    public void setSubscribers(List<SubscriberSpec> subscribers) {
        this.subscribers = subscribers == null ? new ArrayList<>() : subscribers;
    }

    public List<PublisherSpec> getPublishers() {
        return publishers;
    }

    public void setPublishers(List<PublisherSpec> publishers) {
        this.publishers = publishers == null ? new ArrayList<>() : publishers;
    }

    public List<ComponentSpec> getCalculators() {
        return calculators;
    }

    public void setCalculators(List<ComponentSpec> calculators) {
        this.calculators = calculators == null ? new ArrayList<>() : calculators;
    }

    public List<ComponentSpec> getTransformers() {
        return transformers;
    }

    public void setTransformers(List<ComponentSpec> transformers) {
        this.transformers = transformers == null ? new ArrayList<>() : transformers;
    }

    public List<NodeSpec> getNodes() {
        return nodes;
    }

    public void setNodes(List<NodeSpec> nodes) {
        this.nodes = nodes == null ? new ArrayList<>() : nodes;
    }

    public List<EdgeSpec> getEdges() {
        return edges;
    }

    public void setEdges(List<EdgeSpec> edges) {
        this.edges = edges == null ? new ArrayList<>() : edges;
    }

    public String getDeadLetter() {
        return deadLetter;
    }

    public void setDeadLetter(String deadLetter) {
        this.deadLetter = deadLetter;
    }

    public String getTimeWindowRef() {
        return timeWindowRef;
    }

    public void setTimeWindowRef(String timeWindowRef) {
        this.timeWindowRef = timeWindowRef;
    }

    public TimeWindowSpec getTimeWindow() {
        return timeWindow;
    }

    public void setTimeWindow(TimeWindowSpec timeWindow) {
        this.timeWindow = timeWindow;
    }

    public String getWindowDate() {
        return windowDate;
    }

    public void setWindowDate(String windowDate) {
        this.windowDate = windowDate;
    }

    public RuntimeSpec getRuntime() {
        return runtime;
    }

    public void setRuntime(RuntimeSpec runtime) {
        this.runtime = runtime;
    }
}
