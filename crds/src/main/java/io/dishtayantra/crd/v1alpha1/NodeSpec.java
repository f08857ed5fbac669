package io.dishtayantra.crd.v1alpha1;

import io.fabric8.generator.annotation.Size;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import java.util.ArrayList;
import java.util.List;

/**
 * One vertex of the graph. Which fields a node takes depends on its type; validation rejects the
 * others. The type is kept as a string so that a wrong value becomes a validation message naming
 * the node rather than a parse error.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NodeSpec {

    @Required
    @Size(min = 1, max = 128)
    @JsonPropertyDescription("Name of the node, unique in the DAG; edges reference it.")
    private String name;

    @Required
    @Pattern("^(Subscription|Calculation|Transform|Publication|Metronome|Sink)$")
    @JsonPropertyDescription("Subscription, Calculation, Transform, Publication, Metronome or Sink.")
    private String type;

    @JsonPropertyDescription("Subscriber that feeds this node (Subscription nodes).")
    private String subscriber;

    @JsonPropertyDescription("Calculator the node runs on its input.")
    private String calculator;

    @JsonPropertyDescription("Transformer the node applies (Transform nodes).")
    private String transformer;

    @JsonPropertyDescription("Publishers the node's output is sent to (Publication and Metronome nodes).")
    private List<String> publishers = new ArrayList<>();

    @JsonPropertyDescription("Time between ticks of a Metronome node, such as 500ms, 1s or 1m30s.")
    private String interval;

    @JsonPropertyDescription("Transformers applied in order to the node's input before its calculator.")
    private List<String> inputTransformers = new ArrayList<>();

    @JsonPropertyDescription("Transformers applied in order to the node's output.")
    private List<String> outputTransformers = new ArrayList<>();

    @JsonPropertyDescription("When true, an output equal to the node's previous output is not passed on.")
    private Boolean changeDetection;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getSubscriber() {
        return subscriber;
    }

    public void setSubscriber(String subscriber) {
        this.subscriber = subscriber;
    }

    public String getCalculator() {
        return calculator;
    }

    public void setCalculator(String calculator) {
        this.calculator = calculator;
    }

    public String getTransformer() {
        return transformer;
    }

    public void setTransformer(String transformer) {
        this.transformer = transformer;
    }

    public List<String> getPublishers() {
        return publishers;
    }

    public void setPublishers(List<String> publishers) {
        this.publishers = publishers == null ? new ArrayList<>() : publishers;
    }

    public String getInterval() {
        return interval;
    }

    public void setInterval(String interval) {
        this.interval = interval;
    }

    public List<String> getInputTransformers() {
        return inputTransformers;
    }

    public void setInputTransformers(List<String> inputTransformers) {
        this.inputTransformers = inputTransformers == null ? new ArrayList<>() : inputTransformers;
    }

    public List<String> getOutputTransformers() {
        return outputTransformers;
    }

    public void setOutputTransformers(List<String> outputTransformers) {
        this.outputTransformers = outputTransformers == null ? new ArrayList<>() : outputTransformers;
    }

    public Boolean getChangeDetection() {
        return changeDetection;
    }

    public void setChangeDetection(Boolean changeDetection) {
        this.changeDetection = changeDetection;
    }
}
