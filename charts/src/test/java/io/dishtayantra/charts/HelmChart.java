package io.dishtayantra.charts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Renders the chart in {@code charts/dishtayantra} with helm-java and parses the output into fabric8
 * objects. Values are passed as a YAML file, not as {@code --set} strings, so lists and maps keep
 * their types.
 */
final class HelmChart {

    static final String RELEASE = "dy";
    static final String RELEASE_NAMESPACE = "dishtayantra-system";
    /** Full name of the release's objects: the release name followed by the chart name. */
    static final String FULLNAME = RELEASE + "-dishtayantra";

    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private HelmChart() {
    }

    /** Returns the chart directory; the tests run with the charts module as working directory. */
    static Path chartDirectory() {
        return repositoryRoot().resolve("charts/dishtayantra");
    }

    static Path repositoryRoot() {
        Path moduleDirectory = Path.of("").toAbsolutePath();
        Path root = moduleDirectory.getParent();
        if (root == null || !Files.isDirectory(root.resolve("crds"))) {
            throw new IllegalStateException("Run the chart tests from the charts module (" + moduleDirectory
                    + " has no ../crds); use mvn -pl charts test from the repository root");
        }
        return root;
    }

    /**
     * Runs {@code helm template} with the given values over the chart's defaults.
     *
     * @throws IllegalStateException with Helm's message when rendering or the values schema fails
     */
    static String template(Map<String, Object> values) {
        Path valuesFile = writeValues(values);
        try {
            return new Helm(chartDirectory()).template()
                    .withName(RELEASE)
                    .withNamespace(RELEASE_NAMESPACE)
                    .withValuesFile(valuesFile)
                    .call();
        } finally {
            deleteQuietly(valuesFile);
        }
    }

    /** Renders the chart and returns every non-empty document as a Map tree, in output order. */
    static List<Map<String, Object>> templateAsMaps(Map<String, Object> values) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (String document : documents(template(values))) {
            documents.add(readYaml(document));
        }
        return documents;
    }

    /** Renders the chart and parses every document into its fabric8 type. */
    static List<HasMetadata> templateAsObjects(Map<String, Object> values) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : documents(template(values))) {
            Object parsed = SERIALIZATION.unmarshal(document);
            if (!(parsed instanceof HasMetadata object)) {
                throw new IllegalStateException("Rendered document is not a Kubernetes object: " + document);
            }
            objects.add(object);
        }
        return objects;
    }

    /** Splits Helm's output into documents, dropping those that hold only comments or nothing. */
    static List<String> documents(String output) {
        List<String> documents = new ArrayList<>();
        for (String part : DOCUMENT_SEPARATOR.split(output)) {
            boolean hasContent = part.lines()
                    .map(String::strip)
                    .anyMatch(line -> !line.isEmpty() && !line.startsWith("#"));
            if (hasContent) {
                documents.add(part);
            }
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> readYaml(String yaml) {
        try {
            Map<String, Object> map = YAML.readValue(yaml, Map.class);
            return map == null ? new LinkedHashMap<>() : map;
        } catch (IOException e) {
            throw new UncheckedIOException("Invalid YAML: " + yaml, e);
        }
    }

    static Map<String, Object> readYaml(Path file) {
        try {
            return readYaml(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    static String writeYaml(Object value) {
        try {
            return YAML.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns a copy of {@code base} with {@code override} merged in; nested maps merge, the rest is replaced. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> deepMerge(Map<String, Object> base, Map<String, Object> override) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        override.forEach((key, value) -> {
            Object existing = merged.get(key);
            if (existing instanceof Map<?, ?> existingMap && value instanceof Map<?, ?> valueMap) {
                merged.put(key, deepMerge((Map<String, Object>) existingMap, (Map<String, Object>) valueMap));
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    private static Path writeValues(Map<String, Object> values) {
        try {
            Path file = Files.createTempFile("dishtayantra-values-", ".yaml");
            Files.writeString(file, writeYaml(values));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a values file", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A leftover file in the temporary directory is harmless.
        }
    }
}
