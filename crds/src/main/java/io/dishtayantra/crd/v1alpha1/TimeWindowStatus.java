package io.dishtayantra.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/** What the operator observed of a TimeWindow. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TimeWindowStatus {

    @JsonPropertyDescription("Generation of the spec this status describes.")
    private Long observedGeneration;

    @JsonPropertyDescription("Before, Active, After or Excluded, at the time of the last reconciliation.")
    private String state;

    @JsonPropertyDescription("When the state next changes, RFC 3339.")
    private String nextTransition;

    @JsonPropertyDescription("Number of DAGs that reference this window.")
    private Integer dags;

    @JsonPropertyDescription("Valid and other conditions.")
    private List<Condition> conditions = new ArrayList<>();

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getNextTransition() {
        return nextTransition;
    }

    public void setNextTransition(String nextTransition) {
        this.nextTransition = nextTransition;
    }

    public Integer getDags() {
        return dags;
    }

    public void setDags(Integer dags) {
        this.dags = dags;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions == null ? new ArrayList<>() : conditions;
    }
}
