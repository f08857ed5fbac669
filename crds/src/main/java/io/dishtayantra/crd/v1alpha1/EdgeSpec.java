package io.dishtayantra.crd.v1alpha1;

import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.generator.annotation.Size;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** A directed edge: the output of {@code from} becomes (part of) the input of {@code to}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self.from != self.to", message = "an edge cannot connect a node to itself")
public class EdgeSpec {

    @Required
    @Size(min = 1, max = 128)
    @JsonPropertyDescription("Name of the parent node.")
    private String from;

    @Required
    @Size(min = 1, max = 128)
    @JsonPropertyDescription("Name of the child node.")
    private String to;

    @JsonPropertyDescription("Key under which the parent's value is nested in the child's merged input.")
    private String as;

    @JsonPropertyDescription("Transformer applied to the value crossing this edge.")
    private String transformer;

    public EdgeSpec() {
    }

    public EdgeSpec(String from, String to) {
        this.from = from;
        this.to = to;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getAs() {
        return as;
    }

    public void setAs(String as) {
        this.as = as;
    }

    public String getTransformer() {
        return transformer;
    }

    public void setTransformer(String transformer) {
        this.transformer = transformer;
    }
}
