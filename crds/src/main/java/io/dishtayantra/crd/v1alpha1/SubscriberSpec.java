package io.dishtayantra.crd.v1alpha1;

import io.fabric8.generator.annotation.Size;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import java.util.LinkedHashMap;
import java.util.Map;

/** A source of events: a URI whose scheme selects the connector, and the connector's settings. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SubscriberSpec {

    @Required
    @Size(min = 1, max = 128)
    @JsonPropertyDescription("Name that Subscription nodes use to reference this subscriber.")
    private String name;

    @Required
    @JsonPropertyDescription("Where events come from, for example mem://queue/trades or file://data/trades.jsonl.")
    private String uri;

    @PreserveUnknownFields
    @SchemaFrom(type = FreeFormObject.class)
    @JsonPropertyDescription("Connector settings; values may reference environment variables as ${env:NAME}.")
    private Map<String, Object> config = new LinkedHashMap<>();

    @JsonPropertyDescription("Capacity of the node's input queue in events; a full queue blocks the subscriber. Default 10000.")
    private Integer maxDepth;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getUri() {
        return uri;
    }

    public void setUri(String uri) {
        this.uri = uri;
    }

    public Map<String, Object> getConfig() {
        return config;
    }

    public void setConfig(Map<String, Object> config) {
        this.config = config == null ? new LinkedHashMap<>() : config;
    }

    public Integer getMaxDepth() {
        return maxDepth;
    }

    public void setMaxDepth(Integer maxDepth) {
        this.maxDepth = maxDepth;
    }
}
