package io.dishtayantra.runtime.convert;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.validation.ComponentCatalog;
import io.dishtayantra.crd.validation.NodeType;
import io.dishtayantra.crd.validation.NodeType.NodeField;
import io.dishtayantra.crd.validation.ValidationProblem;
import io.dishtayantra.crd.window.LegacyWindowConversion;
import io.dishtayantra.crd.window.LegacyWindowConverter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Converts a DAG of the original JSON format (from_node/to_node edges, pname, snake_case keys,
 * ...Calculator and ...DataTransformer types, SubscriptionNode-style node types) into a DAG
 * manifest. Whatever has no equivalent is listed in the result, never dropped silently.
 *
 * <p>Thread-safe: each call keeps its state on the stack.
 */
public final class LegacyDagConverter {

    /** Original node types that have an equivalent here. */
    private static final Map<String, NodeType> NODE_TYPES = Map.of(
            "SubscriptionNode", NodeType.Subscription,
            "CalculationNode", NodeType.Calculation,
            "PublicationNode", NodeType.Publication,
            "PublisherSinkNode", NodeType.Publication,
            "SinkNode", NodeType.Sink,
            "MetronomeNode", NodeType.Metronome);

    /** Top-level keys that have no equivalent here, and why. */
    private static final Map<String, String> KEYS_WITHOUT_EQUIVALENT = Map.of(
            "worker_affinity", "a DAG runs in its own runtime pods; place them with spec.runtime.nodeSelector",
            "priority", "a DAG runs in its own runtime pods; size them with spec.runtime.resources",
            "subgraph_supervisor", "subgraphs are not carried over");

    /** Top-level keys that {@link LegacyWindowConverter} reads, including autoclone, which it reports. */
    private static final Set<String> WINDOW_KEYS = Set.of("start_time", "duration", "end_time", "schedule",
            "autoclone");

    private static final Set<String> READ_KEYS = Set.of("name", "description", "version", "subscribers", "publishers",
            "calculators", "transformers", "nodes", "edges");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ComponentCatalog catalog;
    private final boolean changeDetection;

    /**
     * @param catalog the runtime's types and schemes, to tell built-ins from what needs porting
     * @param changeDetection whether to set changeDetection on every node that takes it, which
     *     keeps the original's behaviour of passing on only outputs that changed
     */
    public LegacyDagConverter(ComponentCatalog catalog, boolean changeDetection) {
        this.catalog = catalog;
        this.changeDetection = changeDetection;
    }

    /** Converts one original DAG, given as its parsed JSON object. */
    public Conversion convert(JsonNode original) {
        List<String> notConverted = new ArrayList<>();
        List<String> behaviourChanges = new ArrayList<>();
        LegacyComponentConverter components = new LegacyComponentConverter(catalog, notConverted, behaviourChanges);

        ObjectNode manifest = JsonNodeFactory.instance.objectNode();
        manifest.put("apiVersion", Dag.API_VERSION);
        manifest.put("kind", Dag.KIND);
        String dagName = metadata(original, manifest.putObject("metadata"), notConverted);
        ObjectNode spec = manifest.putObject("spec");

        convertList(original, "subscribers", spec, notConverted,
                item -> components.connector(item.value(), item.path(), true));
        convertList(original, "publishers", spec, notConverted,
                item -> components.connector(item.value(), item.path(), false));
        convertList(original, "calculators", spec, notConverted,
                item -> components.calculator(item.value(), item.path()));
        convertList(original, "transformers", spec, notConverted,
                item -> components.transformer(item.value(), item.path()));

        Set<String> declaredTransformers = names(original.path("transformers"));
        Set<String> leftOutNodes = new HashSet<>();
        ArrayNode nodes = spec.putArray("nodes");
        JsonNode originalNodes = LegacyNames.list(original, "nodes", "nodes", notConverted);
        for (int i = 0; i < originalNodes.size(); i++) {
            if (!originalNodes.get(i).isObject()) {
                notConverted.add("nodes[" + i + "] = " + LegacyNames.compact(originalNodes.get(i))
                        + ": expected an object, so it was not converted.");
                continue;
            }
            ObjectNode node = node(originalNodes.get(i), "nodes[" + i + "]", declaredTransformers, components,
                    notConverted, behaviourChanges);
            if (node != null) {
                nodes.add(node);
            } else {
                leftOutNodes.add(originalNodes.get(i).path("name").asText());
            }
        }
        ArrayNode edges = spec.putArray("edges");
        JsonNode originalEdges = LegacyNames.list(original, "edges", "edges", notConverted);
        for (int i = 0; i < originalEdges.size(); i++) {
            if (!originalEdges.get(i).isObject()) {
                notConverted.add("edges[" + i + "] = " + LegacyNames.compact(originalEdges.get(i))
                        + ": expected an object, so it was not converted.");
                continue;
            }
            ObjectNode edge = edge(originalEdges.get(i), "edges[" + i + "]", leftOutNodes, declaredTransformers,
                    components, notConverted);
            if (edge != null) {
                edges.add(edge);
            }
        }
        window(original, spec, notConverted, behaviourChanges);
        topLevelLeftovers(original, notConverted);
        return new Conversion(dagName, manifest, notConverted, behaviourChanges);
    }

    private static String metadata(JsonNode original, ObjectNode metadata, List<String> notConverted) {
        String nameText = LegacyNames.text(original, "name", "name", notConverted);
        String originalName = nameText == null ? "" : nameText;
        String name = LegacyNames.dagName(originalName);
        metadata.put("name", name);
        if (originalName.isEmpty()) {
            notConverted.add("name: missing; the DAG was named " + name + ".");
        } else if (!name.equals(originalName)) {
            ObjectNode annotations = metadata.putObject("annotations");
            annotations.put("dishtayantra.io/original-name", originalName);
        }
        for (String key : List.of("description", "version")) {
            String value = LegacyNames.text(original, key, key, notConverted);
            if (value != null) {
                ObjectNode annotations = metadata.has("annotations") ? (ObjectNode) metadata.get("annotations")
                        : metadata.putObject("annotations");
                annotations.put("dishtayantra.io/" + key, value);
            }
        }
        return name;
    }

    private record Item(JsonNode value, String path) {
    }

    /** Converts each object of a top-level list; anything else in its place is listed as not converted. */
    private static void convertList(JsonNode original, String key, ObjectNode spec, List<String> notConverted,
            Function<Item, ObjectNode> converter) {
        JsonNode list = LegacyNames.list(original, key, key, notConverted);
        if (list.isEmpty()) {
            return;
        }
        ArrayNode converted = spec.putArray(key);
        for (int i = 0; i < list.size(); i++) {
            String path = key + "[" + i + "]";
            if (list.get(i).isObject()) {
                converted.add(converter.apply(new Item(list.get(i), path)));
            } else {
                notConverted.add(path + " = " + LegacyNames.compact(list.get(i))
                        + ": expected an object, so it was not converted.");
            }
        }
    }

    /** Converts a node, or returns null (and lists it) when its type has no equivalent. */
    private ObjectNode node(JsonNode original, String path, Set<String> declaredTransformers,
            LegacyComponentConverter components, List<String> notConverted, List<String> behaviourChanges) {
        String typeText = LegacyNames.text(original, "type", path + ".type", notConverted);
        String originalType = typeText == null ? "CalculationNode" : typeText;
        // A dotted path that ends in a built-in node class, such as core.dag.node_implementations.SinkNode, is that class.
        String simpleType = originalType.substring(originalType.lastIndexOf('.') + 1);
        NodeType type = NODE_TYPES.get(simpleType);
        if (type == null) {
            notConverted.add(path + " " + original.path("name").asText("?") + " of type " + originalType + ": "
                    + (originalType.contains(".") ? "custom node classes" : originalType + " nodes")
                    + " have no equivalent, so the node and its edges were left out. Original: "
                    + LegacyNames.compact(original));
            return null;
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("name", LegacyNames.text(original, "name", path + ".name", notConverted));
        node.put("type", type.name());
        JsonNode config = LegacyNames.object(original, "config", path + ".config", notConverted);
        Set<String> usedConfigKeys = new LinkedHashSet<>();

        String subscriber = LegacyNames.text(original, "subscriber", path + ".subscriber", notConverted);
        if (subscriber != null) {
            if (type == NodeType.Metronome) {
                notConverted.add(path + ".subscriber = " + subscriber + ": a Metronome node"
                        + " ticks on its own and takes no subscriber; feed the events through a Subscription node.");
            } else {
                node.put("subscriber", subscriber);
            }
        }
        String calculator = LegacyNames.text(original, "calculator", path + ".calculator", notConverted);
        if (calculator != null) {
            node.put("calculator", calculator);
        }
        ArrayNode publishers = LegacyComponentConverter.array();
        names(LegacyNames.list(original, "publishers", path + ".publishers", notConverted), path + ".publishers",
                notConverted).forEach(publishers::add);
        if (simpleType.equals("PublisherSinkNode")) {
            names(LegacyNames.list(config, "publishers", path + ".config.publishers", notConverted),
                    path + ".config.publishers", notConverted).forEach(publishers::add);
            usedConfigKeys.add("publishers");
            behaviourChanges.add(path + ": the PublisherSinkNode became a Publication node, which publishes its"
                    + " merged input once per event instead of each changed edge value separately.");
        }
        if (!publishers.isEmpty()) {
            node.set("publishers", publishers);
        }
        if (type == NodeType.Metronome) {
            JsonNode interval = config.path("interval");
            String duration = interval.isMissingNode() ? "1s"
                    : LegacyNames.seconds(interval, path + ".config.interval", notConverted);
            if (duration != null) {
                node.put("interval", duration);
            }
            usedConfigKeys.add("interval");
        }
        transformerList(original, "input_transformers", "inputTransformers", node, path, declaredTransformers,
                notConverted);
        transformerList(original, "output_transformers", "outputTransformers", node, path, declaredTransformers,
                notConverted);
        if (changeDetection && type.takes(NodeField.changeDetection)) {
            node.put("changeDetection", true);
        }
        config.fields().forEachRemaining(field -> {
            if (!usedConfigKeys.contains(field.getKey())) {
                notConverted.add(path + ".config." + field.getKey() + " = " + LegacyNames.compact(field.getValue())
                        + ": node config has no equivalent for " + type + " nodes.");
            }
        });
        components.noteUnknownFields(original, path, Set.of("name", "type", "config", "subscriber", "publishers",
                "calculator", "input_transformers", "output_transformers"));
        return node;
    }

    /**
     * Copies a node's transformer list. The original treated passthru and null as declared even
     * when they were not; here an undeclared passthru or null is left out, as both pass the input on.
     */
    private static void transformerList(JsonNode original, String originalKey, String key, ObjectNode node,
            String path, Set<String> declaredTransformers, List<String> notConverted) {
        ArrayNode list = LegacyComponentConverter.array();
        List<String> names = names(LegacyNames.list(original, originalKey, path + "." + originalKey, notConverted),
                path + "." + originalKey, notConverted);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!declaredTransformers.contains(name) && Set.of("passthru", "null").contains(name)) {
                notConverted.add(path + "." + originalKey + "[" + i + "] = " + name + ": the implicit " + name
                        + " transformer passes the input on unchanged, so it was left out.");
                continue;
            }
            list.add(name);
        }
        if (!list.isEmpty()) {
            node.set(key, list);
        }
    }

    /** Converts an edge, or returns null (and lists it) when an end was left out. */
    private static ObjectNode edge(JsonNode original, String path, Set<String> leftOutNodes,
            Set<String> declaredTransformers, LegacyComponentConverter components, List<String> notConverted) {
        String from = LegacyNames.text(original, "from_node", path + ".from_node", notConverted);
        String to = LegacyNames.text(original, "to_node", path + ".to_node", notConverted);
        for (String end : new String[] {from, to}) {
            if (leftOutNodes.contains(end)) {
                notConverted.add(path + " " + from + " → " + to + ": left out with node " + end + ". Original: "
                        + LegacyNames.compact(original));
                return null;
            }
        }
        ObjectNode edge = JsonNodeFactory.instance.objectNode();
        edge.put("from", from);
        edge.put("to", to);
        String pname = LegacyNames.text(original, "pname", path + ".pname", notConverted);
        if (pname != null) {
            edge.put("as", pname);
        }
        String transformer = LegacyNames.text(original, "data_transformer", path + ".data_transformer", notConverted);
        if (transformer != null) {
            if (declaredTransformers.contains(transformer)) {
                edge.put("transformer", transformer);
            } else {
                notConverted.add(path + ".data_transformer = " + transformer + ": no transformer has this name (the"
                        + " original ignored it silently), so it was left out.");
            }
        }
        components.noteUnknownFields(original, path, Set.of("from_node", "to_node", "pname", "data_transformer"));
        return edge;
    }

    /** Converts start_time, duration, end_time and schedule into spec.timeWindow. */
    private static void window(JsonNode original, ObjectNode spec, List<String> notConverted,
            List<String> behaviourChanges) {
        Map<String, Object> keys = JSON.convertValue(original, new TypeReference<Map<String, Object>>() { });
        LegacyWindowConversion conversion = LegacyWindowConverter.convert(keys);
        conversion.window().ifPresent(window -> {
            ObjectNode tree = JSON.valueToTree(window);
            // Empty days and excludeDates mean "every day" and "none"; leaving them out reads better.
            tree.properties().removeIf(field -> field.getValue().isArray() && field.getValue().isEmpty());
            spec.set("timeWindow", tree);
        });
        for (ValidationProblem problem : conversion.unconverted()) {
            // Values are shown as compact JSON like the rest of the report, when the path leads to one.
            JsonNode value = original;
            for (String key : problem.path().split("\\.")) {
                value = value.path(key);
            }
            String shown = value.isMissingNode() ? problem.value() : LegacyNames.compact(value);
            notConverted.add(problem.path() + " = " + shown + ": " + problem.message() + ".");
        }
        behaviourChanges.addAll(conversion.notes());
    }

    private static void topLevelLeftovers(JsonNode original, List<String> notConverted) {
        original.fieldNames().forEachRemaining(key -> {
            JsonNode value = original.get(key);
            if (WINDOW_KEYS.contains(key)) {
                return;
            } else if (KEYS_WITHOUT_EQUIVALENT.containsKey(key)) {
                notConverted.add(key + " = " + LegacyNames.compact(value) + ": not converted, because "
                        + KEYS_WITHOUT_EQUIVALENT.get(key) + ".");
            } else if (key.startsWith("_")) {
                notConverted.add(key + " = " + LegacyNames.compact(value) + ": comment key, not converted.");
            } else if (!READ_KEYS.contains(key)) {
                notConverted.add(key + " = " + LegacyNames.compact(value) + ": unknown key, not converted.");
            }
        });
    }

    /** The names in a list of names; an entry that is not a string is listed as not converted and skipped. */
    private static List<String> names(JsonNode list, String path, List<String> notConverted) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode name = list.get(i);
            if (name.isTextual()) {
                names.add(name.asText());
            } else {
                notConverted.add(path + "[" + i + "] = " + LegacyNames.compact(name)
                        + ": expected a name, so it was not converted.");
            }
        }
        return names;
    }

    private static Set<String> names(JsonNode list) {
        Set<String> names = new LinkedHashSet<>();
        list.forEach(item -> {
            if (item.hasNonNull("name")) {
                names.add(item.get("name").asText());
            }
        });
        return names;
    }
}
