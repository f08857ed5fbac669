package io.dishtayantra.runtime.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${env:NAME}} and {@code ${env:NAME:-default}} references in config values with
 * environment variables, so that secrets stay out of manifests.
 *
 * <p>Thread-safe. Resolution copies: the input maps and lists are never modified.
 */
public final class EnvironmentResolver {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private final Function<String, String> environment;

    /**
     * @param environment looks up a variable, returning {@code null} when it is not set;
     *     {@code System::getenv} in production
     */
    public EnvironmentResolver(Function<String, String> environment) {
        this.environment = environment;
    }

    /** A resolver over the process environment. */
    public static EnvironmentResolver system() {
        return new EnvironmentResolver(System::getenv);
    }

    /**
     * Returns a deep copy of {@code config} with every reference in string values replaced.
     *
     * @param path where the config sits in the manifest, such as {@code spec.publishers[0].config},
     *     used in error messages
     * @throws IllegalArgumentException naming the variable and the config path when a referenced
     *     variable is not set and has no default
     */
    public Map<String, Object> resolve(Map<String, Object> config, String path) {
        Map<String, Object> resolved = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : config.entrySet()) {
            resolved.put(entry.getKey(), resolveValue(entry.getValue(), path + "." + entry.getKey()));
        }
        return resolved;
    }

    /**
     * Resolves the references in one string.
     *
     * @throws IllegalArgumentException when a referenced variable is not set and has no default
     */
    public String resolveString(String text, String path) {
        if (text == null || !text.contains("${env:")) {
            return text;
        }
        Matcher reference = REFERENCE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (reference.find()) {
            String name = reference.group(1);
            String value = environment.apply(name);
            if (value == null) {
                value = reference.group(2);
            }
            if (value == null) {
                throw new IllegalArgumentException("Environment variable " + name + " is not set but " + path
                        + " references it; set it, or write ${env:" + name + ":-DEFAULT} to give a default.");
            }
            reference.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        reference.appendTail(result);
        return result.toString();
    }

    /** Whether a value is a string holding at least one environment reference. */
    public static boolean isReference(Object value) {
        return value instanceof String text && REFERENCE.matcher(text).find();
    }

    @SuppressWarnings("unchecked")
    private Object resolveValue(Object value, String path) {
        if (value instanceof String text) {
            return resolveString(text, path);
        }
        if (value instanceof Map<?, ?> map) {
            return resolve((Map<String, Object>) map, path);
        }
        if (value instanceof List<?> list) {
            List<Object> resolved = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                resolved.add(resolveValue(list.get(i), path + "[" + i + "]"));
            }
            return resolved;
        }
        return value;
    }
}
