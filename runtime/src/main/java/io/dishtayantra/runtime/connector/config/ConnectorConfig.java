package io.dishtayantra.runtime.connector.config;

import io.dishtayantra.crd.time.Durations;
import io.dishtayantra.crd.validation.ValidationProblem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed reads of one connector's {@code config} map. A value of the wrong type is recorded as a
 * {@link ValidationProblem} naming the key and value, and the read returns the default, so one
 * pass over a config finds every problem. Not thread-safe; use it while building settings.
 */
public final class ConnectorConfig {

    private final String path;
    private final Map<String, Object> values;
    private final List<ValidationProblem> problems = new ArrayList<>();

    /**
     * @param path where the connector sits in the manifest, such as {@code spec.subscribers[0]};
     *     problems are reported at {@code path.config.KEY} and {@code path.uri}
     */
    /**
     * Returns every problem {@code reading} finds in the config, with paths under {@code path}; for
     * {@code ConnectorKind.validate}.
     */
    public static List<ValidationProblem> problemsOf(String path, Map<String, Object> values,
            java.util.function.Consumer<ConnectorConfig> reading) {
        ConnectorConfig reader = new ConnectorConfig(path, values);
        reading.accept(reader);
        return reader.problems();
    }

    /**
     * Reads the config with {@code reading} and throws when it found a problem; for the create
     * methods of a connector kind, which validation normally ran before.
     */
    public static void requireValid(Map<String, Object> values, java.util.function.Consumer<ConnectorConfig> reading) {
        ConnectorConfig reader = new ConnectorConfig("config", values);
        reading.accept(reader);
        reader.throwIfInvalid();
    }

    public ConnectorConfig(String path, Map<String, Object> values) {
        this.path = path;
        this.values = values == null ? Map.of() : values;
    }

    /** Returns every problem recorded so far, in the order found. */
    public List<ValidationProblem> problems() {
        return List.copyOf(problems);
    }

    /** Throws when a problem was recorded, listing all of them. */
    public void throwIfInvalid() {
        if (!problems.isEmpty()) {
            StringBuilder text = new StringBuilder("invalid connector configuration:");
            problems.forEach(problem -> text.append("\n  ").append(problem));
            throw new IllegalArgumentException(text.toString());
        }
    }

    /** Records a problem with the URI. */
    public void uriProblem(String uri, String message) {
        problems.add(new ValidationProblem(path + ".uri", uri, sentence(message)));
    }

    /** Returns the message as a full sentence: capitalised, ending with a period. */
    public static String sentence(String message) {
        String text = Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }

    /**
     * Records a problem with one config key. The value of a key whose name contains password,
     * token, secret or key is replaced by {@code *****}, because problems are printed and logged.
     */
    public void problem(String key, Object value, String message) {
        String shown = value == null ? null : secret(key) ? "*****" : String.valueOf(value);
        problems.add(new ValidationProblem(path + ".config." + key, shown, sentence(message)));
    }

    private static boolean secret(String key) {
        String lower = key.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("password") || lower.contains("token") || lower.contains("secret") || lower.contains("key");
    }

    /** The config's keys in their order. */
    public java.util.Set<String> keys() {
        return values.keySet();
    }

    public boolean has(String key) {
        return values.get(key) != null;
    }

    public Object raw(String key) {
        return values.get(key);
    }

    public String string(String key, String defaultValue) {
        Object value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Map || value instanceof Collection) {
            problem(key, value, "expected a string");
            return defaultValue;
        }
        return String.valueOf(value);
    }

    /** Reads a string that must be present and non-blank; records a problem when it is missing. */
    public String requiredString(String key, String hint) {
        String value = string(key, null);
        if (value == null || value.isBlank()) {
            problem(key, null, "missing; " + hint);
            return null;
        }
        return value;
    }

    /** Reads a whole number, given as a number or a numeric string, within [min, max]. */
    public long integer(String key, long defaultValue, long min, long max) {
        Object value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        long parsed;
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            parsed = number.longValue();
        } else {
            try {
                parsed = Long.parseLong(String.valueOf(value).trim());
            } catch (NumberFormatException e) {
                problem(key, value, "expected a whole number");
                return defaultValue;
            }
        }
        if (parsed < min || parsed > max) {
            problem(key, value, "must be between " + min + " and " + max);
            return defaultValue;
        }
        return parsed;
    }

    public int integer(String key, int defaultValue, int min, int max) {
        return (int) integer(key, (long) defaultValue, min, max);
    }

    public boolean bool(String key, boolean defaultValue) {
        Object value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        String text = String.valueOf(value).trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        problem(key, value, "expected true or false");
        return defaultValue;
    }

    /** Reads a duration written as 500ms, 10s, 2m or 1h30m; must be positive. */
    public Duration duration(String key, Duration defaultValue) {
        Object value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (!Durations.isValid(String.valueOf(value))) {
            problem(key, value, "expected a duration such as 500ms, 10s, 2m or 1h30m, at most "
                    + Durations.MAX_TEXT);
            return defaultValue;
        }
        Duration parsed = Durations.parse(String.valueOf(value));
        if (parsed.isZero() || parsed.isNegative()) {
            problem(key, value, "must be longer than zero");
            return defaultValue;
        }
        return parsed;
    }

    /** Reads one of a fixed set of lower-case words. */
    public String choice(String key, String defaultValue, Set<String> allowed) {
        String value = string(key, null);
        if (value == null) {
            return defaultValue;
        }
        String lower = value.trim().toLowerCase(java.util.Locale.ROOT);
        if (!allowed.contains(lower)) {
            problem(key, value, "must be one of " + new java.util.TreeSet<>(allowed));
            return defaultValue;
        }
        return lower;
    }

    /** Reads a map of string keys to scalar values, such as client settings or HTTP headers. */
    public Map<String, String> stringMap(String key) {
        Object value = values.get(key);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            problem(key, value, "expected a map of names to values");
            return Map.of();
        }
        Map<String, String> result = new LinkedHashMap<>();
        map.forEach((name, item) -> result.put(String.valueOf(name), item == null ? null : String.valueOf(item)));
        return result;
    }

    /** Reads a list of strings; a single string is read as a list of one. */
    public List<String> stringList(String key) {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(String::valueOf).toList();
        }
        if (value instanceof Map) {
            problem(key, value, "expected a list of strings");
            return List.of();
        }
        return List.of(String.valueOf(value));
    }

    /**
     * Records a problem for every key that is neither in {@code known} nor accepted by
     * {@code passThrough} (for example client settings with a dot in their name).
     */
    public void rejectUnknownKeys(Set<String> known, java.util.function.Predicate<String> passThrough, String scheme) {
        for (String key : values.keySet()) {
            if (!known.contains(key) && !passThrough.test(key)) {
                problem(key, values.get(key) instanceof Map ? "{...}" : values.get(key),
                        "unknown setting for " + scheme + "://; known settings are " + new java.util.TreeSet<>(known));
            }
        }
    }
}
