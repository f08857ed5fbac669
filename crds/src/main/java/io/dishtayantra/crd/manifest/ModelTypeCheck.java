package io.dishtayantra.crd.manifest;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dishtayantra.crd.validation.ValidationProblem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Checks a manifest tree against the types of the model before it is bound. A value of the wrong
 * type is reported with its path and value. Without this check, Jackson would coerce it (1 read as
 * true, 7 as "7") or stop at it and hide the rest of the document. Each wrong value is removed from
 * the tree, so binding continues and the validator still reports every other problem. Free-form
 * values such as {@code config} are not checked. Not thread-safe: one instance per document.
 */
final class ModelTypeCheck {

    /** The model's own classes, whose properties are checked one by one. */
    private static final String MODEL_PACKAGE = "io.dishtayantra.crd.v1alpha1";

    private final ObjectMapper mapper;
    private final List<ValidationProblem> problems;

    ModelTypeCheck(ObjectMapper mapper, List<ValidationProblem> problems) {
        this.mapper = mapper;
        this.problems = problems;
    }

    /** Checks the object {@code tree} against the properties of {@code type}, removing wrong values. */
    void checkObject(ObjectNode tree, JavaType type, String path) {
        BeanDescription description = mapper.getDeserializationConfig().introspect(type);
        for (BeanPropertyDefinition property : description.findProperties()) {
            String name = property.getName();
            JsonNode value = tree.get(name);
            if (value == null) {
                continue;
            }
            String valuePath = path.isEmpty() ? name : path + "." + name;
            if (!check(value, property.getPrimaryType(), valuePath, name)) {
                tree.remove(name);
            }
        }
    }

    /** Returns false, after reporting it, when {@code value} cannot be read as {@code type}. */
    private boolean check(JsonNode value, JavaType type, String path, String name) {
        Class<?> raw = type.getRawClass();
        if (value.isNull()) {
            return true;
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return checkList(value, type, path, name);
        }
        if (raw == String.class) {
            String hint = value.isValueNode() ? "; write it in quotes, such as \"" + value.asText() + "\""
                    : ", not " + (value.isArray() ? "a list" : "an object");
            return expect(value.isTextual(), value, path, "Expected a string here" + hint + ".");
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return expect(value.isBoolean(), value, path, "Expected true or false here.");
        }
        if (raw == Integer.class || raw == int.class) {
            return checkInteger(value, path, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        if (raw == Long.class || raw == long.class) {
            return checkInteger(value, path, Long.MIN_VALUE, Long.MAX_VALUE);
        }
        if (raw == Double.class || raw == double.class || raw == Float.class || raw == float.class) {
            return expect(value.isNumber(), value, path, "Expected a number here.");
        }
        if (raw.getPackageName().equals(MODEL_PACKAGE) && !raw.isEnum()) {
            if (!expect(value.isObject(), value, path, "Expected an object with the fields of " + name + " here.")) {
                return false;
            }
            checkObject((ObjectNode) value, type, path);
        }
        // Maps and other types are free-form or checked by the binder.
        return !Map.class.isAssignableFrom(raw) || expect(value.isObject(), value, path, "Expected an object here.");
    }

    private boolean checkList(JsonNode value, JavaType type, String path, String name) {
        if (!value.isArray()) {
            String hint = value.isValueNode() ? "; write [" + value.asText() + "]" : "";
            problems.add(new ValidationProblem(path, value.toString(), "Expected a list of " + itemNoun(name) + hint
                    + "."));
            return false;
        }
        ArrayNode array = (ArrayNode) value;
        JavaType itemType = type.getContentType();
        if (itemType == null) {
            return true;
        }
        List<Integer> wrong = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!check(array.get(i), itemType, path + "[" + i + "]", name)) {
                wrong.add(i);
            }
        }
        // Backwards, so that removing an item does not shift the ones still to remove.
        for (int i = wrong.size() - 1; i >= 0; i--) {
            array.remove(wrong.get(i));
        }
        return true;
    }

    private boolean checkInteger(JsonNode value, String path, long min, long max) {
        if (!value.isIntegralNumber()) {
            return expect(false, value, path, "Expected a whole number here.");
        }
        boolean inRange = value.canConvertToLong() && value.asLong() >= min && value.asLong() <= max;
        return expect(inRange, value, path, "The number is out of range; it must be between " + min + " and "
                + max + ".");
    }

    private boolean expect(boolean valid, JsonNode value, String path, String message) {
        if (!valid) {
            problems.add(new ValidationProblem(path, value.isTextual() ? value.asText() : value.toString(), message));
        }
        return valid;
    }

    /** Returns the noun for a list's items, such as "publisher names" for publishers. */
    private static String itemNoun(String listName) {
        return switch (listName) {
            case "publishers" -> "publisher names";
            case "inputTransformers", "outputTransformers" -> "transformer names";
            case "days" -> "days such as Mon";
            case "excludeDates" -> "dates such as 2026-12-25";
            default -> listName;
        };
    }
}
