package io.dishtayantra.crd.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;

/** Dated clones of a DAG, one per occurrence of its window. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AutoCloneSpec {

    @JsonPropertyDescription("Create a clone named <dag>-<YYYYMMDD> for each occurrence of the window.")
    private Boolean enabled;

    @JsonPropertyDescription("How long before the current occurrence ends the next clone is created, such as 30m.")
    private String before;

    @Min(1)
    @JsonPropertyDescription("Number of most recent clones kept; older ones are deleted. Default 3.")
    private Integer keep;

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public String getBefore() {
        return before;
    }

    public void setBefore(String before) {
        this.before = before;
    }

    public Integer getKeep() {
        return keep;
    }

    public void setKeep(Integer keep) {
        this.keep = keep;
    }
}
