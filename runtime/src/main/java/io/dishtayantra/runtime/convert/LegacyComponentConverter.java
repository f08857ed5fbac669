package io.dishtayantra.runtime.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dishtayantra.crd.validation.ComponentCatalog;
import io.dishtayantra.crd.validation.ConnectorUri;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Converts the original's subscribers, publishers, calculators and transformers. Not
 * thread-safe: one instance per converted DAG, collecting what it could not convert.
 */
final class LegacyComponentConverter {

    /** Original built-in calculators, by class name, and their names here. */
    private static final Map<String, String> CALCULATOR_TYPES = Map.of(
            "NullCalculator", "Null",
            "PassthruCalculator", "Passthru",
            "AttributeFilterAwayCalculator", "AttributeFilterAway",
            "AttributeFilterCalculator", "AttributeFilter",
            "ApplyDefaultsCalculator", "ApplyDefaults",
            "AdditionCalculator", "Addition",
            "MultiplicationCalculator", "Multiplication",
            "AttributeNameChangeCalculator", "AttributeNameChange");

    /** Original built-in transformers, by class name, and their names here. */
    private static final Map<String, String> TRANSFORMER_TYPES = Map.of(
            "NullDataTransformer", "Null",
            "PassthruDataTransformer", "Passthru",
            "AttributeFilterAwayDataTransformer", "AttributeFilterAway",
            "AttributeFilterDataTransformer", "AttributeFilter",
            "ApplyDefaultsDataTransformer", "ApplyDefaults");

    /** Subscriber and publisher keys every original connector took, and why they have no equivalent. */
    private static final Map<String, String> CONNECTOR_KEYS_WITHOUT_EQUIVALENT = Map.ofEntries(
            Map.entry("idle_poll_interval", "subscribers here hand events over as they arrive instead of polling"),
            Map.entry("queue_type", "events are processed in arrival order; there are no priority queues"),
            Map.entry("dag_priority_key", "events are processed in arrival order; there are no priority queues"),
            Map.entry("priority_extractor", "events are processed in arrival order; there are no priority queues"),
            Map.entry("auto_package_non_dict", "payloads that are not JSON objects are rejected and counted"),
            Map.entry("package_wrapper_key", "payloads that are not JSON objects are rejected and counted"),
            Map.entry("publish_interval", "publishers send each event as it comes (the file publisher buffers lines for at most its flushInterval)"),
            Map.entry("batch_size", "publishers send each event as it comes (the file publisher buffers lines for at most its flushInterval)"),
            Map.entry("max_queue_depth", "a publisher blocks its node while it is busy, which is the backpressure"),
            Map.entry("resilient", "retries are set per connector scheme"),
            Map.entry("backpressure", "mem channels always block a publisher when full; nothing is dropped"));

    /**
     * A connector key that has an equivalent here.
     *
     * @param seconds whether the original value is a number of seconds, written here as a duration
     */
    private record Rename(String key, boolean seconds) {
    }

    /** Original config keys of mem, file and metronome connectors that have an equivalent here. */
    private static final Map<String, Map<String, Rename>> CONNECTOR_KEYS = Map.of(
            "mem", Map.of("max_size", new Rename("capacity", false)),
            "file", Map.of("read_interval", new Rename("pollInterval", true)),
            "metronome", Map.of("interval", new Rename("interval", true)));

    private final ComponentCatalog catalog;
    private final List<String> notConverted;
    private final List<String> behaviourChanges;

    LegacyComponentConverter(ComponentCatalog catalog, List<String> notConverted, List<String> behaviourChanges) {
        this.catalog = catalog;
        this.notConverted = notConverted;
        this.behaviourChanges = behaviourChanges;
    }

    /**
     * Converts a subscriber or publisher: config.source (or config.destination) becomes the uri,
     * max_depth becomes maxDepth, and keys with an equivalent are renamed.
     */
    ObjectNode connector(JsonNode original, String path, boolean subscriber) {
        ObjectNode converted = JsonNodeFactory.instance.objectNode();
        converted.put("name", LegacyNames.text(original, "name", path + ".name", notConverted));

        JsonNode config = LegacyNames.object(original, "config", path + ".config", notConverted);
        String uriKey = subscriber ? "source" : "destination";
        String uriPath = path + ".config." + uriKey;
        String uri = convertUri(LegacyNames.text(config, uriKey, uriPath, notConverted), path);
        if (uri != null) {
            converted.put("uri", uri);
        } else if (!config.hasNonNull(uriKey)) {
            notConverted.add(uriPath + ": missing; give the " + (subscriber ? "subscriber" : "publisher") + " a uri.");
        }

        ConnectorUri parsed = uri == null ? null : ConnectorUri.parse(uri, catalog.schemes());
        String scheme = parsed == null ? null : parsed.scheme();
        if (parsed != null) {
            if (!parsed.valid()) {
                notConverted.add(uriPath + " = " + LegacyNames.compact(config.get(uriKey)) + ": " + parsed.error()
                        + " The uri is kept as written so that it can be fixed.");
            }
        }
        ObjectNode newConfig = JsonNodeFactory.instance.objectNode();
        Map<String, Rename> renames = scheme == null ? Map.of() : CONNECTOR_KEYS.getOrDefault(scheme, Map.of());
        config.fields().forEachRemaining(field -> {
            String key = field.getKey();
            String keyPath = path + ".config." + key;
            if (key.equals(uriKey)) {
                return;
            }
            if (key.equals("max_depth") && subscriber) {
                JsonNode depth = field.getValue();
                if (depth.isIntegralNumber() && depth.canConvertToInt()) {
                    converted.put("maxDepth", depth.asInt());
                } else {
                    notConverted.add(keyPath + " = " + LegacyNames.compact(depth) + ": not a whole number of events;"
                            + " set maxDepth by hand.");
                }
            } else if (renames.containsKey(key)) {
                Rename rename = renames.get(key);
                if (rename.seconds()) {
                    String duration = LegacyNames.seconds(field.getValue(), keyPath, notConverted);
                    if (duration != null) {
                        newConfig.put(rename.key(), duration);
                    }
                } else {
                    newConfig.set(rename.key(), field.getValue().deepCopy());
                }
            } else if (CONNECTOR_KEYS_WITHOUT_EQUIVALENT.containsKey(key)) {
                notConverted.add(keyPath + " = " + LegacyNames.compact(field.getValue()) + ": no equivalent, because "
                        + CONNECTOR_KEYS_WITHOUT_EQUIVALENT.get(key) + ".");
            } else if (scheme != null && CONNECTOR_KEYS.containsKey(scheme)) {
                notConverted.add(keyPath + " = " + LegacyNames.compact(field.getValue()) + ": the " + scheme
                        + " connector has no such setting; see docs/manifest.md for its settings.");
            } else {
                newConfig.set(LegacyNames.camelCase(key), field.getValue().deepCopy());
            }
        });
        if (!newConfig.isEmpty()) {
            converted.set("config", newConfig);
        }

        if (original.hasNonNull("type")) {
            notConverted.add(path + ".type = " + LegacyNames.compact(original.get("type"))
                    + ": not needed, because the uri's scheme selects the connector (the original ignored it too).");
        }
        noteUnknownFields(original, path, Set.of("name", "type", "config"));
        return converted;
    }

    /**
     * Rewrites a URI to this runtime's forms. The original made an in-memory URI a queue when it
     * contained the word queue anywhere, otherwise a topic; here that is spelt out.
     */
    private String convertUri(String uri, String path) {
        if (uri == null || uri.isBlank()) {
            return null;
        }
        String trimmed = uri.trim();
        int separator = trimmed.indexOf("://");
        String scheme = separator < 0 ? trimmed.toLowerCase(Locale.ROOT) : trimmed.substring(0, separator).toLowerCase(Locale.ROOT);
        if (Set.of("mem", "inmemory", "memory").contains(scheme) && separator >= 0) {
            String rest = trimmed.substring(separator + 3);
            String converted;
            if (rest.startsWith("queue/") || rest.startsWith("topic/")) {
                converted = "mem://" + rest;
            } else {
                converted = (rest.contains("queue") ? "mem://queue/" : "mem://topic/") + rest.replace('/', '-');
            }
            if (!converted.equals(trimmed)) {
                behaviourChanges.add(path + ": " + trimmed + " is written as " + converted + ".");
            }
            return converted;
        }
        if (!catalog.schemes().contains(scheme)) {
            String reason = catalog.unsupportedSchemes().get(scheme);
            notConverted.add(path + ": the scheme of " + trimmed + (reason != null ? " is not supported: " + reason
                    : " has no connector in this runtime (known schemes: " + String.join(", ", new TreeSet<>(catalog.schemes()))
                            + "); the uri is kept as written so that it can be replaced."));
        }
        return trimmed;
    }

    /** Converts a calculator; a Java bridge (java_class) becomes a calculator of that Java class. */
    ObjectNode calculator(JsonNode original, String path) {
        return component(original, path, CALCULATOR_TYPES, catalog.calculatorTypes(), "calculator");
    }

    ObjectNode transformer(JsonNode original, String path) {
        return component(original, path, TRANSFORMER_TYPES, catalog.transformerTypes(), "transformer");
    }

    private ObjectNode component(JsonNode original, String path, Map<String, String> legacyTypes, Set<String> types,
            String noun) {
        ObjectNode converted = JsonNodeFactory.instance.objectNode();
        converted.put("name", LegacyNames.text(original, "name", path + ".name", notConverted));
        String typeText = LegacyNames.text(original, "type", path + ".type", notConverted);
        String type = typeText == null ? "" : typeText;
        JsonNode config = LegacyNames.object(original, "config", path + ".config", notConverted);
        String simpleName = type.contains(".") ? type.substring(type.lastIndexOf('.') + 1) : type;
        String javaClass = LegacyNames.text(config, "java_class", path + ".config.java_class", notConverted);

        String newType;
        if (javaClass != null) {
            newType = javaClass;
            behaviourChanges.add(path + ": the Java class " + javaClass + " now runs in the runtime's JVM and must"
                    + " implement io.dishtayantra.api." + (noun.equals("calculator") ? "Calculator" : "Transformer") + ".");
        } else if (legacyTypes.containsKey(simpleName)) {
            newType = legacyTypes.get(simpleName);
        } else if (types.contains(type)) {
            newType = type;
        } else {
            newType = type;
            notConverted.add(path + ".type = " + (type.isEmpty() ? "(missing)" : type) + ": not a built-in " + noun
                    + " here, so it was kept as written. A Python or native class cannot run here: write a Java "
                    + noun + " with the same behaviour and put its fully qualified class name in type.");
        }
        converted.put("type", newType);
        if (Set.of("Addition", "Multiplication").contains(newType) && noun.equals("calculator")) {
            behaviourChanges.add(path + ": " + newType + " keeps the input's other fields and adds the result;"
                    + " the original returned only {output_attribute: result}.");
        }
        ObjectNode newConfig = JsonNodeFactory.instance.objectNode();
        config.fields().forEachRemaining(field -> {
            String key = field.getKey();
            if (key.equals("java_class") && (javaClass != null || !field.getValue().isNull())) {
                return;
            }
            if (Set.of("cpp_class", "cpp_module", "rust_class").contains(key)) {
                notConverted.add(path + ".config." + key + " = " + LegacyNames.compact(field.getValue())
                        + ": native bridges are not carried over; port the code to a Java " + noun + ".");
                return;
            }
            newConfig.set(LegacyNames.camelCase(key), field.getValue().deepCopy());
        });
        if (!newConfig.isEmpty()) {
            converted.set("config", newConfig);
        }
        noteUnknownFields(original, path, Set.of("name", "type", "config"));
        return converted;
    }

    /** Lists fields of an original entry that the converter does not read. */
    void noteUnknownFields(JsonNode original, String path, Set<String> known) {
        original.fieldNames().forEachRemaining(field -> {
            if (!known.contains(field)) {
                notConverted.add(path + "." + field + " = " + LegacyNames.compact(original.get(field))
                        + ": unknown field, not converted.");
            }
        });
    }

    static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }
}
