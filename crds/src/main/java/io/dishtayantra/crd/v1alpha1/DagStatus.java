package io.dishtayantra.crd.v1alpha1;

import io.fabric8.kubernetes.model.annotation.StatusReplicas;
import io.fabric8.kubernetes.model.annotation.LabelSelector;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/** What the operator observed of a DAG. Lists are kept sorted so that an unchanged status compares equal. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DagStatus {

    @JsonPropertyDescription("Generation of the spec this status describes.")
    private Long observedGeneration;

    @JsonPropertyDescription("Pending, Running, Suspended, Stopped, Failed or Invalid.")
    private String phase;

    @JsonPropertyDescription("Ready pods over desired pods, such as 1/1.")
    private String ready;

    @JsonPropertyDescription("Window state and next transition, such as Active until 16:30 Europe/London.")
    private String window;

    @JsonPropertyDescription("Short explanation of the phase.")
    private String message;

    @StatusReplicas
    @JsonPropertyDescription("Active instances, for the scale subresource.")
    private Integer parallelism;

    @LabelSelector
    @JsonPropertyDescription("Label selector of the runtime pods, for the scale subresource.")
    private String selector;

    @JsonPropertyDescription("Pods that hold the DAG's Leases and consume input.")
    private List<String> activePods = new ArrayList<>();

    @JsonPropertyDescription("Hash of the normalised spec the runtime pods run.")
    private String specHash;

    @JsonPropertyDescription("Valid, Ready, Suspended and InWindow conditions.")
    private List<Condition> conditions = new ArrayList<>();

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public String getPhase() {
        return phase;
    }

    public void setPhase(String phase) {
        this.phase = phase;
    }

    public String getReady() {
        return ready;
    }

    public void setReady(String ready) {
        this.ready = ready;
    }

    public String getWindow() {
        return window;
    }

    public void setWindow(String window) {
        this.window = window;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public Integer getParallelism() {
        return parallelism;
    }

    public void setParallelism(Integer parallelism) {
        this.parallelism = parallelism;
    }

    public String getSelector() {
        return selector;
    }

    public void setSelector(String selector) {
        this.selector = selector;
    }

    public List<String> getActivePods() {
        return activePods;
    }

    public void setActivePods(List<String> activePods) {
        this.activePods = activePods == null ? new ArrayList<>() : activePods;
    }

    public String getSpecHash() {
        return specHash;
    }

    public void setSpecHash(String specHash) {
        this.specHash = specHash;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions == null ? new ArrayList<>() : conditions;
    }
}
