package io.dishtayantra.crd.v1alpha1;

import io.fabric8.generator.annotation.Size;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Required;
import java.util.LinkedHashMap;
import java.util.Map;

/** A calculator or transformer: a built-in type name or a Java class name, and its settings. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ComponentSpec {

    @Required
    @Size(min = 1, max = 128)
    @JsonPropertyDescription("Name that nodes and edges use to reference this component.")
    private String name;

    @Required
    @JsonPropertyDescription("A built-in type such as ApplyDefaults, or the fully qualified name of a Java class.")
    private String type;

    @PreserveUnknownFields
    @SchemaFrom(type = FreeFormObject.class)
    @JsonPropertyDescription("Settings of the type; values may reference environment variables as ${env:NAME}.")
    private Map<String, Object> config = new LinkedHashMap<>();

    public ComponentSpec() {
    }

    public ComponentSpec(String name, String type, Map<String, Object> config) {
        this.name = name;
        this.type = type;
        setConfig(config);
    }

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

    public Map<String, Object> getConfig() {
        return config;
    }

    public void setConfig(Map<String, Object> config) {
        this.config = config == null ? new LinkedHashMap<>() : config;
    }
}
