package io.dishtayantra.runtime.config;

import io.dishtayantra.crd.time.Durations;
import io.dishtayantra.crd.validation.ValidationProblem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads typed values from a component's config and collects a problem, with its path and value,
 * for each missing or wrongly typed key instead of stopping at the first.
 *
 * <p>A string holding an {@code ${env:NAME}} reference is accepted for any type, because it is
 * only known once resolved; the component checks it again when it is built from resolved config.
 * Not thread-safe: use one reader per check.
 */
public final class ConfigReader {

    private final Map<String, Object> config;
    private final String path;
    private final List<ValidationProblem> problems;

    /**
     * @param config the config map, may be null (treated as empty)
     * @param path the config's path in the manifest, such as {@code spec.calculators[0].config}
     */
    public ConfigReader(Map<String, Object> config, String path) {
        this(config, path, new ArrayList<>());
    }

    private ConfigReader(Map<String, Object> config, String path, List<ValidationProblem> problems) {
        this.config = config == null ? Map.of() : config;
        this.path = path;
        this.problems = problems;
    }

    /**
     * Returns a reader of the map at {@code key} (empty when absent) that records its problems in
     * this reader, with paths below this one.
     */
    public ConfigReader nested(String key) {
        return new ConfigReader(map(key, false), pathOf(key), problems);
    }

    /** Returns the manifest path of {@code key}, such as {@code spec.calculators[0].config.url}. */
    public String pathOf(String key) {
        return path + "." + key;
    }

    /** Returns the raw value of {@code key}, or null, for values the typed readers do not cover. */
    public Object value(String key) {
        return config.get(key);
    }

    /** Problems found so far, in the order found. */
    public List<ValidationProblem> problems() {
        return List.copyOf(problems);
    }

    /**
     * Throws when any problem was found.
     *
     * @throws IllegalArgumentException listing every problem, one per line
     */
    public void throwIfInvalid() {
        if (!problems.isEmpty()) {
            StringBuilder message = new StringBuilder();
            for (ValidationProblem problem : problems) {
                message.append(message.isEmpty() ? "" : "\n").append(problem);
            }
            throw new IllegalArgumentException(message.toString());
        }
    }

    /** Records a problem for every key not in {@code known}. */
    public void rejectUnknownKeys(Set<String> known) {
        for (String key : config.keySet()) {
            if (!known.contains(key)) {
                problems.add(new ValidationProblem(path + "." + key, null, "Unknown config key; "
                        + (known.isEmpty() ? "this type takes no config." : "known keys are " + new TreeSet<>(known) + ".")));
            }
        }
    }

    /**
     * Records a problem about one key, for checks the typed readers do not cover. The value is
     * shown as {@link ConfigRedactor#REDACTED} when the key's last segment names a secret.
     */
    public void problem(String key, Object value, String message) {
        String lastSegment = key.substring(key.lastIndexOf('.') + 1);
        String shown = value == null ? null
                : ConfigRedactor.isSecretKey(lastSegment) ? ConfigRedactor.REDACTED : String.valueOf(value);
        problems.add(new ValidationProblem(path + "." + key, shown, message));
    }

    public boolean has(String key) {
        return config.get(key) != null;
    }

    /** Reads a string; a missing required key is a problem and returns null. */
    public String string(String key, boolean required, String defaultValue) {
        Object value = config.get(key);
        if (value == null) {
            return missing(key, required, defaultValue, "a string");
        }
        if (value instanceof String text) {
            if (text.isBlank()) {
                problem(key, text, "Must not be blank.");
                return defaultValue;
            }
            return text;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        problem(key, value, "Expected a string.");
        return defaultValue;
    }

    /** Reads a string that must be one of {@code allowed}. */
    public String oneOf(String key, String defaultValue, Set<String> allowed) {
        String value = string(key, false, defaultValue);
        if (value != null && !allowed.contains(value) && !EnvironmentResolver.isReference(value)) {
            problem(key, value, "Expected one of " + new TreeSet<>(allowed) + ".");
            return defaultValue;
        }
        return value;
    }

    /** Reads a list of strings; {@code nonEmpty} makes an empty list a problem. */
    public List<String> stringList(String key, boolean required, boolean nonEmpty) {
        Object value = config.get(key);
        if (value == null) {
            missing(key, required, null, "a list of strings");
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            problem(key, value, "Expected a list of strings, such as [a, b].");
            return List.of();
        }
        if (nonEmpty && list.isEmpty()) {
            problem(key, "[]", "Must list at least one attribute.");
        }
        List<String> strings = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (item instanceof String text && !text.isEmpty()) {
                strings.add(text);
            } else {
                problems.add(new ValidationProblem(path + "." + key + "[" + i + "]", String.valueOf(item),
                        "Expected a non-empty string."));
            }
        }
        return List.copyOf(strings);
    }

    /** Reads a map with any values. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String key, boolean required) {
        Object value = config.get(key);
        if (value == null) {
            missing(key, required, null, "a map");
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            problem(key, value, "Expected a map of names to values.");
            return Map.of();
        }
        return (Map<String, Object>) map;
    }

    /** Reads a map whose values are strings. */
    public Map<String, String> stringMap(String key, boolean required) {
        Map<String, Object> map = map(key, required);
        Map<String, String> strings = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            if (entry.getValue() instanceof String text && !text.isEmpty()) {
                strings.put(entry.getKey(), text);
            } else {
                problems.add(new ValidationProblem(path + "." + key + "." + entry.getKey(),
                        String.valueOf(entry.getValue()), "Expected a non-empty string."));
            }
        }
        return strings;
    }

    /** Reads a Go-style duration such as 500ms or 2s that must be positive. */
    public Duration duration(String key, Duration defaultValue) {
        Object value = config.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (EnvironmentResolver.isReference(value)) {
            return defaultValue;
        }
        if (!(value instanceof String text) || !Durations.isValid(text)) {
            problem(key, value, "Expected a duration such as 500ms, 10s or 2m, at most "
                    + Durations.MAX_TEXT + ".");
            return defaultValue;
        }
        Duration duration = Durations.parse(text);
        if (duration.isZero()) {
            problem(key, value, "Must be longer than zero.");
            return defaultValue;
        }
        return duration;
    }

    /** Reads an integer of at least 1. */
    public int positiveInt(String key, int defaultValue) {
        Object value = config.get(key);
        if (value == null || EnvironmentResolver.isReference(value)) {
            return defaultValue;
        }
        Long number = null;
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            number = ((Number) value).longValue();
        } else if (value instanceof String text) {
            try {
                number = Long.parseLong(text.trim());
            } catch (NumberFormatException notNumber) {
                number = null;
            }
        }
        if (number == null || number < 1 || number > Integer.MAX_VALUE) {
            problem(key, value, "Expected a whole number from 1 to " + Integer.MAX_VALUE + ".");
            return defaultValue;
        }
        return number.intValue();
    }

    /** Reads a whole number from {@code min} to {@code max}, also accepting it as a string. */
    public long integer(String key, long defaultValue, long min, long max) {
        Object value = config.get(key);
        if (value == null || EnvironmentResolver.isReference(value)) {
            return defaultValue;
        }
        Long number = null;
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            number = ((Number) value).longValue();
        } else if (value instanceof String text) {
            try {
                number = Long.parseLong(text.trim());
            } catch (NumberFormatException notNumber) {
                number = null;
            }
        }
        if (number == null || number < min || number > max) {
            problem(key, value, "Expected a whole number from " + min + " to " + max + ".");
            return defaultValue;
        }
        return number;
    }

    /** Reads a boolean, also accepting the strings true and false. */
    public boolean bool(String key, boolean defaultValue) {
        Object value = config.get(key);
        if (value == null || EnvironmentResolver.isReference(value)) {
            return defaultValue;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.parseBoolean((String) value);
        }
        problem(key, value, "Expected true or false.");
        return defaultValue;
    }

    private <T> T missing(String key, boolean required, T defaultValue, String expected) {
        if (required) {
            problems.add(new ValidationProblem(path + "." + key, null, "Missing; set it to " + expected + "."));
        }
        return defaultValue;
    }
}
