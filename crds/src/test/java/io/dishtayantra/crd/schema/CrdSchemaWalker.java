package io.dishtayantra.crd.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads CRD YAML files and flattens the schema of each version into {@code path -> schema node}. */
final class CrdSchemaWalker {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private CrdSchemaWalker() {
    }

    /** CRD files directly inside a folder, by file name. */
    static Map<String, JsonNode> readFolder(Path folder) throws IOException {
        Map<String, JsonNode> crds = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                crds.put(file.getFileName().toString(), YAML.readTree(file.toFile()));
            }
        }
        return crds;
    }

    /** Versions of a CRD by name. */
    static Map<String, JsonNode> versions(JsonNode crd) {
        Map<String, JsonNode> versions = new LinkedHashMap<>();
        crd.path("spec").path("versions").forEach(version -> versions.put(version.path("name").asText(), version));
        return versions;
    }

    /**
     * Every schema node of a version, keyed by its path: {@code spec.nodes[].name}. Array items
     * are written as {@code []}, map values as {@code {}}.
     */
    static Map<String, JsonNode> flatten(JsonNode version) {
        Map<String, JsonNode> paths = new LinkedHashMap<>();
        walk(version.path("schema").path("openAPIV3Schema"), "", paths);
        return paths;
    }

    private static void walk(JsonNode schema, String path, Map<String, JsonNode> paths) {
        if (!path.isEmpty()) {
            paths.put(path, schema);
        }
        schema.path("properties").properties().forEach(property ->
                walk(property.getValue(), path.isEmpty() ? property.getKey() : path + "." + property.getKey(), paths));
        if (schema.has("items")) {
            walk(schema.get("items"), path + "[]", paths);
        }
        if (schema.path("additionalProperties").isObject()) {
            walk(schema.get("additionalProperties"), path + "{}", paths);
        }
    }

    static List<String> enumValues(JsonNode schema) {
        return schema.path("enum").valueStream().map(JsonNode::asText).toList();
    }
}
