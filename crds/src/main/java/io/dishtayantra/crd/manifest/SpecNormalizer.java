package io.dishtayantra.crd.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.dishtayantra.crd.time.Durations;
import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.validation.NodeType;
import io.dishtayantra.crd.validation.NodeType.NodeField;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts a DAG manifest in canonical form, so that the operator can tell a real spec change from a
 * re-apply or a metadata edit. The normalised manifest:
 * <ul>
 *   <li>keeps apiVersion, kind and, of the metadata, only name, namespace, labels and annotations
 *       (without kubectl's last-applied-configuration); status is dropped;</li>
 *   <li>states the engine's defaults: suspend false, maxDepth {@value #DEFAULT_MAX_DEPTH},
 *       changeDetection false on node types that take it, runtime replicas and parallelism 1,
 *       Lease timings 15s/10s/2s, timeWindow outside Suspend and autoClone keep 3;</li>
 *   <li>sorts what has no order by meaning: subscribers, publishers, calculators and transformers
 *       by name, a node's publishers, timeWindow days (Monday first) and excludeDates. Nodes,
 *       edges, transformer lists and config lists keep their order;</li>
 *   <li>sorts the keys of every object, config maps included, writes valid durations in one
 *       form (60s becomes 1m) and leaves out empty lists and objects except inside config.</li>
 * </ul>
 * Every string value is written in double quotes, so that text such as "1e3", "yes" or "08:00"
 * reads back as a string rather than a number, boolean or time.
 * The hash covers the normalised spec alone, as compact JSON, so metadata edits never change it.
 * Config values such as {@code ${env:NAME}} are kept as written.
 *
 * <p>Thread-safe.
 */
public final class SpecNormalizer {

    /** Default capacity of a Subscription node's input queue, in events. */
    public static final int DEFAULT_MAX_DEPTH = 10_000;

    private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
    private static final List<String> WEEK = List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

    /** Normalises the DAG and returns its canonical YAML and spec hash. The DAG is not modified. */
    public NormalizedManifest normalize(Dag dag) {
        ObjectNode manifest = normalizedTree(dag);
        try {
            String yaml = YAML.writeValueAsString(manifest);
            return new NormalizedManifest(yaml, sha256(JSON.writeValueAsString(manifest.path("spec"))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise the normalised manifest of DAG "
                    + dag.getMetadata().getName(), e);
        }
    }

    /** Returns the normalised manifest as a JSON tree with sorted keys. */
    public ObjectNode normalizedTree(Dag dag) {
        JsonNode original = JSON.valueToTree(dag);
        ObjectNode manifest = JsonNodeFactory.instance.objectNode();
        manifest.put("apiVersion", Dag.API_VERSION);
        manifest.put("kind", Dag.KIND);
        manifest.set("metadata", metadata(original.path("metadata")));
        ObjectNode spec = original.path("spec").isObject() ? ((ObjectNode) original.path("spec")).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        fillDefaultsAndSort(spec);
        manifest.set("spec", spec);
        return (ObjectNode) canonical(manifest, false);
    }

    private static ObjectNode metadata(JsonNode metadata) {
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        for (String field : List.of("name", "namespace", "labels", "annotations")) {
            if (metadata.hasNonNull(field)) {
                kept.set(field, metadata.get(field).deepCopy());
            }
        }
        if (kept.path("annotations").isObject()) {
            ((ObjectNode) kept.get("annotations")).remove(LAST_APPLIED);
        }
        return kept;
    }

    private static void fillDefaultsAndSort(ObjectNode spec) {
        putIfMissing(spec, "suspend", Boolean.FALSE);
        for (String list : List.of("subscribers", "publishers", "calculators", "transformers")) {
            sortByName(spec.path(list));
        }
        for (JsonNode subscriber : spec.path("subscribers")) {
            putIfMissing(subscriber, "maxDepth", DEFAULT_MAX_DEPTH);
        }
        for (JsonNode node : spec.path("nodes")) {
            normalizeNode(node);
        }
        normalizeRuntime(spec);
        if (spec.path("timeWindow").isObject()) {
            normalizeTimeWindow((ObjectNode) spec.get("timeWindow"));
        }
    }

    private static void normalizeNode(JsonNode node) {
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        NodeType type = NodeType.of(object.path("type").asText("")).orElse(null);
        if (type != null && type.takes(NodeField.changeDetection)) {
            putIfMissing(object, "changeDetection", Boolean.FALSE);
        }
        sortStrings(object.path("publishers"));
        canonicalDuration(object, "interval");
    }

    private static void normalizeRuntime(ObjectNode spec) {
        ObjectNode runtime = spec.path("runtime").isObject() ? (ObjectNode) spec.get("runtime") : spec.putObject("runtime");
        putIfMissing(runtime, "replicas", 1);
        putIfMissing(runtime, "parallelism", 1);
        ObjectNode election = runtime.path("leaderElection").isObject() ? (ObjectNode) runtime.get("leaderElection")
                : runtime.putObject("leaderElection");
        putIfMissing(election, "leaseDuration", "15s");
        putIfMissing(election, "renewDeadline", "10s");
        putIfMissing(election, "retryPeriod", "2s");
        for (String field : List.of("leaseDuration", "renewDeadline", "retryPeriod")) {
            canonicalDuration(election, field);
        }
    }

    private static void normalizeTimeWindow(ObjectNode window) {
        putIfMissing(window, "outside", "Suspend");
        if (window.path("days").isArray()) {
            List<JsonNode> days = new ArrayList<>();
            window.get("days").forEach(days::add);
            days.sort(Comparator.comparingInt(day -> WEEK.contains(day.asText()) ? WEEK.indexOf(day.asText()) : WEEK.size()));
            window.putArray("days").addAll(days);
        }
        sortStrings(window.path("excludeDates"));
        canonicalDuration(window, "duration");
        canonicalDuration(window, "warmUp");
        if (window.path("autoClone").isObject()) {
            ObjectNode autoClone = (ObjectNode) window.get("autoClone");
            putIfMissing(autoClone, "keep", 3);
            canonicalDuration(autoClone, "before");
        }
    }

    private static void putIfMissing(JsonNode object, String field, Object value) {
        if (!(object instanceof ObjectNode target) || target.hasNonNull(field)) {
            return;
        }
        switch (value) {
            case Boolean flag -> target.put(field, flag);
            case Integer number -> target.put(field, number);
            default -> target.put(field, value.toString());
        }
    }

    /** Rewrites a valid duration as Durations.format writes it; an invalid one stays for validation to report. */
    private static void canonicalDuration(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        if (value != null && value.isTextual() && Durations.isValid(value.asText())) {
            object.put(field, Durations.format(Durations.parse(value.asText())));
        }
    }

    private static void sortByName(JsonNode list) {
        if (list instanceof ArrayNode array) {
            List<JsonNode> items = new ArrayList<>();
            array.forEach(items::add);
            items.sort(Comparator.comparing(item -> item.path("name").asText("")));
            array.removeAll();
            array.addAll(items);
        }
    }

    private static void sortStrings(JsonNode list) {
        if (list instanceof ArrayNode array) {
            List<JsonNode> items = new ArrayList<>();
            array.forEach(items::add);
            items.sort(Comparator.comparing(JsonNode::asText));
            array.removeAll();
            array.addAll(items);
        }
    }

    /**
     * Copies a tree with object keys sorted and nulls left out; empty lists and objects are left
     * out too, except inside config maps where an empty value can mean something.
     */
    private static JsonNode canonical(JsonNode node, boolean insideConfig) {
        if (node.isObject()) {
            ObjectNode sorted = JsonNodeFactory.instance.objectNode();
            Map<String, JsonNode> fields = new TreeMap<>();
            node.fields().forEachRemaining(field -> fields.put(field.getKey(), field.getValue()));
            fields.forEach((key, value) -> {
                boolean config = insideConfig || key.equals("config");
                JsonNode copy = canonical(value, config);
                if (keep(copy, insideConfig)) {
                    sorted.set(key, copy);
                }
            });
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(canonical(item, insideConfig)));
            return copy;
        }
        return node.deepCopy();
    }

    private static boolean keep(JsonNode value, boolean insideConfig) {
        if (value.isNull()) {
            return insideConfig;
        }
        return insideConfig || !value.isContainerNode() || !value.isEmpty();
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
