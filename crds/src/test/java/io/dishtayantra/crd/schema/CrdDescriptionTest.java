package io.dishtayantra.crd.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checks the generated CRDs for descriptions, printer columns and subresources. */
class CrdDescriptionTest {

    /**
     * Fields whose schema comes from a Kubernetes core type (EnvVar, ResourceRequirements,
     * Toleration, Condition). The fabric8 model carries no descriptions for their inner fields;
     * those are documented in the Kubernetes API reference. The field itself is still described.
     */
    private static final List<String> KUBERNETES_TYPES = List.of(
            "spec.runtime.resources.", "spec.runtime.env[].", "spec.runtime.tolerations[].", "status.conditions[].");

    @Test
    void everyFieldHasDescription() throws IOException {
        List<String> missing = new ArrayList<>();
        CrdSchemaWalker.readFolder(Path.of("")).forEach((file, crd) ->
                CrdSchemaWalker.versions(crd).forEach((version, schema) ->
                        CrdSchemaWalker.flatten(schema).forEach((path, field) -> {
                            boolean kubernetesType = KUBERNETES_TYPES.stream().anyMatch(path::startsWith);
                            boolean item = path.endsWith("[]") || path.endsWith("{}");
                            if (!kubernetesType && !item && !field.hasNonNull("description")) {
                                missing.add(file + " " + version + ": " + path);
                            }
                        })));

        assertThat(missing).as("fields without @JsonPropertyDescription").isEmpty();
    }

    @Test
    void dagPrinterColumnsInOrder() throws IOException {
        JsonNode version = version("dags.dishtayantra.io-v1.yml");

        assertThat(version.path("additionalPrinterColumns").valueStream().map(c -> c.path("name").asText()))
                .containsExactly("Phase", "Ready", "Window", "Age", "Message");
    }

    @Test
    void timeWindowPrinterColumnsInOrder() throws IOException {
        JsonNode version = version("timewindows.dishtayantra.io-v1.yml");

        assertThat(version.path("additionalPrinterColumns").valueStream().map(c -> c.path("name").asText()))
                .containsExactly("State", "Next", "DAGs", "Age");
    }

    @Test
    void dagScaleSubresourcePaths() throws IOException {
        JsonNode scale = version("dags.dishtayantra.io-v1.yml").path("subresources").path("scale");

        assertThat(scale.path("specReplicasPath").asText()).isEqualTo(".spec.runtime.parallelism");
        assertThat(scale.path("statusReplicasPath").asText()).isEqualTo(".status.parallelism");
        assertThat(scale.path("labelSelectorPath").asText()).isEqualTo(".status.selector");
    }

    @Test
    void statusSubresourceOnBothKinds() throws IOException {
        assertThat(version("dags.dishtayantra.io-v1.yml").path("subresources").has("status")).isTrue();
        assertThat(version("timewindows.dishtayantra.io-v1.yml").path("subresources").has("status")).isTrue();
    }

    @Test
    void configAcceptsAnyValues() throws IOException {
        Map<String, JsonNode> fields = CrdSchemaWalker.flatten(version("dags.dishtayantra.io-v1.yml"));

        for (String path : List.of("spec.subscribers[].config", "spec.publishers[].config",
                "spec.calculators[].config", "spec.transformers[].config")) {
            JsonNode config = fields.get(path);
            assertThat(config.path("x-kubernetes-preserve-unknown-fields").asBoolean()).as(path).isTrue();
            assertThat(config.has("additionalProperties")).as(path + " must not type its values").isFalse();
        }
    }

    private static JsonNode version(String file) throws IOException {
        return CrdSchemaWalker.versions(CrdSchemaWalker.readFolder(Path.of("")).get(file)).get("v1alpha1");
    }
}
