package io.dishtayantra.crd.v1alpha1;

import io.fabric8.generator.annotation.Size;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Required;
import java.util.LinkedHashMap;
import java.util.Map;

/** A destination of events: a URI whose scheme selects the connector, and its settings. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PublisherSpec {

    @Required
    @Size(min = 1, max = 128)
    @JsonPropertyDescription("Name that Publication nodes and deadLetter use to reference this publisher.")
    private String name;

    @Required
    @JsonPropertyDescription("Where events go, for example mem://queue/enriched or file://out/enriched.jsonl.")
    private String uri;

    @PreserveUnknownFields
    @SchemaFrom(type = FreeFormObject.class)
    @JsonPropertyDescription("Connector settings; values may reference environment variables as ${env:NAME}.")
    private Map<String, Object> config = new LinkedHashMap<>();

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
}
