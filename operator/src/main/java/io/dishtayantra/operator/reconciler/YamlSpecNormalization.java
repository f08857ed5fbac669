package io.dishtayantra.operator.reconciler;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.operator.model.NormalizedSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Writes apiVersion, kind, name, namespace and spec as YAML with map keys sorted, and hashes it
 * with SHA-256 after removing the fields that apply without a restart.
 *
 * <p>TODO: switch to the shared SpecNormalizer once it is in this build: it also fills in
 * defaults, so that writing a default out (such as {@code changeDetection: false}) does not roll
 * the pods as it does here.
 */
public final class YamlSpecNormalization implements SpecNormalization {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER))
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @Override
    public NormalizedSpec normalize(Dag dag) {
        ObjectNode manifest = YAML.createObjectNode();
        manifest.put("apiVersion", Dag.API_VERSION);
        manifest.put("kind", Dag.KIND);
        ObjectNode metadata = manifest.putObject("metadata");
        metadata.put("name", dag.getMetadata().getName());
        if (dag.getMetadata().getNamespace() != null) {
            metadata.put("namespace", dag.getMetadata().getNamespace());
        }
        manifest.set("spec", YAML.valueToTree(dag.getSpec()));

        ObjectNode hashed = manifest.deepCopy();
        ObjectNode spec = (ObjectNode) hashed.get("spec");
        spec.remove("suspend");
        if (spec.get("runtime") instanceof ObjectNode runtime) {
            runtime.remove("replicas");
            runtime.remove("parallelism");
        }
        return new NormalizedSpec(write(manifest), sha256(write(hashed)).substring(0, 16));
    }

    private static String write(ObjectNode tree) {
        try {
            // Through Object so that ORDER_MAP_ENTRIES_BY_KEYS sorts every level.
            Object plain = YAML.treeToValue(tree, Object.class);
            return YAML.writeValueAsString(plain);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot write a DAG manifest as YAML", e);
        }
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
