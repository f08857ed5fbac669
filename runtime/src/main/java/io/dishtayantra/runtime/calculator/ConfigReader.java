package io.dishtayantra.runtime.calculator;

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
 * Reads typed settings from a calculator's {@code config} map and collects every problem, each
 * with the full manifest path of the key, instead of stopping at the first one.
 *
 * <p>A kind parses its settings with one reader, returns {@link #problems()} from validation and
 * calls {@link #throwIfInvalid()} when it builds a calculator, so both report the same messages.
 * Validation may see config whose {@code ${env:NAME}} references are not resolved yet, so a
 * string holding such a reference passes the format checks of every typed getter, which then
 * return the default; a calculator is only built from resolved config, where the checks apply.
 * Numbers and booleans that come from an environment variable arrive as strings, so the typed
 * getters also accept {@code "3"} and {@code "true"}. Not thread-safe; use one reader per parse.
 */
public final class ConfigReader {

    private final Map<String, Object> config;
    private final String path;
    private final List<ValidationProblem> problems;

    /**
     * @param config the component's config, may be {@code null}
     * @param path manifest path of the config map itself, such as {@code spec.calculators[1].config}
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
     * A reader of the map at {@code key} (empty when absent) whose problems are recorded here,
     * with paths below this one.
     */
    public ConfigReader nested(String key) {
        return new ConfigReader(map(key), pathOf(key), problems);
    }

    /** Manifest path of {@code key}. */
    public String pathOf(String key) {
        return path + "." + key;
    }

    /** Whether the key is present with a non-null value. */
    public boolean has(String key) {
        return config.get(key) != null;
    }

    /** The raw value, or {@code null}. */
    public Object raw(String key) {
        return config.get(key);
    }

    /**
     * Records a problem at {@code key}. The value is shown as {@code <redacted>} when the key's
     * last segment contains password, token, secret or key.
     */
    public void problem(String key, Object value, String message) {
        String shown = value == null ? null : isSecret(key) ? "<redacted>" : String.valueOf(value);
        problems.add(new ValidationProblem(pathOf(key), shown, message));
    }

    /** Whether a setting with this name contains a secret that must not be printed. */
    public static boolean isSecret(String key) {
        String name = key.substring(key.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
        return name.contains("password") || name.contains("token") || name.contains("secret")
                || name.contains("key");
    }

    /** Records a problem for each key not in {@code known}, so misspelled settings are not ignored. */
    public void rejectUnknownKeys(Set<String> known) {
        for (String key : config.keySet()) {
            if (!known.contains(key)) {
                problem(key, null, "unknown setting; known settings are " + new TreeSet<>(known));
            }
        }
    }

    /** A required non-blank string; records a problem and returns {@code null} when missing. */
    public String requiredString(String key) {
        Object value = config.get(key);
        if (value == null || (value instanceof String text && text.isBlank())) {
            problem(key, null, "missing; set " + key + " to a non-empty string");
            return null;
        }
        if (!(value instanceof String text)) {
            problem(key, value, "must be a string");
            return null;
        }
        return text;
    }

    /** An optional string, or {@code defaultValue} when absent. */
    public String string(String key, String defaultValue) {
        Object value = config.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof String text)) {
            problem(key, value, "must be a string");
            return defaultValue;
        }
        return text;
    }

    /** Whether the value is a string with an unresolved {@code ${env:NAME}} reference. */
    public static boolean isEnvironmentReference(Object value) {
        return value instanceof String text && text.contains("${env:");
    }

    /** An optional string that must be one of {@code allowed} (case-sensitive). */
    public String oneOf(String key, String defaultValue, List<String> allowed) {
        String value = string(key, defaultValue);
        if (isEnvironmentReference(value)) {
            return defaultValue;
        }
        if (value != null && !allowed.contains(value)) {
            problem(key, value, "must be one of " + allowed);
            return defaultValue;
        }
        return value;
    }

    /** An optional whole number in {@code [min, max]}. */
    public long integer(String key, long defaultValue, long min, long max) {
        Object value = config.get(key);
        if (value == null || isEnvironmentReference(value)) {
            return defaultValue;
        }
        if (value instanceof String text && text.strip().matches("-?\\d{1,18}")) {
            value = Long.parseLong(text.strip());
        }
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
            problem(key, value, "must be a whole number between " + min + " and " + max);
            return defaultValue;
        }
        long whole = number.longValue();
        if (whole < min || whole > max) {
            problem(key, value, "must be between " + min + " and " + max);
            return defaultValue;
        }
        return whole;
    }

    /** An optional boolean. */
    public boolean bool(String key, boolean defaultValue) {
        Object value = config.get(key);
        if (value == null || isEnvironmentReference(value)) {
            return defaultValue;
        }
        if (value instanceof String text && (text.equals("true") || text.equals("false"))) {
            return Boolean.parseBoolean(text);
        }
        if (!(value instanceof Boolean flag)) {
            problem(key, value, "must be true or false");
            return defaultValue;
        }
        return flag;
    }

    /** An optional duration written like 500ms, 10s or 1m30s; must be positive. */
    public Duration duration(String key, Duration defaultValue) {
        Object value = config.get(key);
        if (value == null || isEnvironmentReference(value)) {
            return defaultValue;
        }
        if (!(value instanceof String text) || !Durations.isValid(text)) {
            problem(key, value, "invalid duration; write a number and a unit such as 500ms, 10s or 2m");
            return defaultValue;
        }
        Duration duration = Durations.parse(text);
        if (duration.isZero() || duration.isNegative()) {
            problem(key, value, "must be longer than zero");
            return defaultValue;
        }
        return duration;
    }

    /** An optional list of non-blank strings, or an empty list. */
    public List<String> stringList(String key) {
        Object value = config.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            problem(key, value, "must be a list of strings");
            return List.of();
        }
        List<String> strings = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof String text && !text.isBlank()) {
                strings.add(text);
            } else {
                problem(key + "[" + i + "]", list.get(i), "must be a non-empty string");
            }
        }
        return List.copyOf(strings);
    }

    /** An optional map with string keys, or an empty map; insertion order is kept. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String key) {
        Object value = config.get(key);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            problem(key, value, "must be a map");
            return Map.of();
        }
        return new LinkedHashMap<>((Map<String, Object>) map);
    }

    /** An optional map whose values must be strings. */
    public Map<String, String> stringMap(String key) {
        Map<String, String> strings = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : map(key).entrySet()) {
            if (entry.getValue() instanceof String text) {
                strings.put(entry.getKey(), text);
            } else {
                problem(key + "." + entry.getKey(), entry.getValue(), "must be a string");
            }
        }
        return strings;
    }

    /** Every problem found so far. */
    public List<ValidationProblem> problems() {
        return List.copyOf(problems);
    }

    /**
     * Throws when any problem was found.
     *
     * @throws IllegalArgumentException listing every problem, one per line
     */
    public void throwIfInvalid() {
        if (problems.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder("invalid calculator config:");
        for (ValidationProblem problem : problems) {
            message.append(System.lineSeparator()).append("  ").append(problem);
        }
        throw new IllegalArgumentException(message.toString());
    }
}
