package io.dishtayantra.runtime.convert;

import com.fasterxml.jackson.databind.JsonNode;
import io.dishtayantra.crd.time.Durations;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Small translations from the original format's spelling to the manifest's. */
final class LegacyNames {

    private LegacyNames() {
    }

    /** Turns snake_case into camelCase: output_attribute becomes outputAttribute. */
    static String camelCase(String key) {
        StringBuilder camel = new StringBuilder(key.length());
        boolean upper = false;
        for (char c : key.toCharArray()) {
            if (c == '_') {
                upper = camel.length() > 0;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }

    /** Turns any name into a DNS-1123 label for metadata.name: fx_quote_cleaner becomes fx-quote-cleaner. */
    static String dagName(String name) {
        String label = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (label.length() > 54) {
            label = label.substring(0, 54).replaceAll("-+$", "");
        }
        return label.isEmpty() ? "converted-dag" : label;
    }

    /** The maximum interval converted, in seconds (a year); longer ones are listed as not converted. */
    static final double MAX_SECONDS = 365 * 24 * 3600;

    /**
     * Turns a number of seconds (the original's unit for intervals) into a duration such as 500ms
     * or 2s. Returns null, after listing the value under {@code path}, when it is not a number of
     * seconds between 0 and {@link #MAX_SECONDS}.
     */
    static String seconds(JsonNode value, String path, List<String> notConverted) {
        double seconds;
        try {
            seconds = value.isNumber() ? value.asDouble()
                    : value.isTextual() ? Double.parseDouble(value.asText().trim()) : Double.NaN;
        } catch (NumberFormatException e) {
            seconds = Double.NaN;
        }
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            notConverted.add(path + " = " + compact(value) + ": not a number of seconds; write the duration"
                    + " by hand, such as 500ms or 10s.");
            return null;
        }
        if (seconds < 0 || seconds > MAX_SECONDS) {
            notConverted.add(path + " = " + compact(value) + ": out of range; an interval must be between 0 and "
                    + (long) MAX_SECONDS + " seconds (one year).");
            return null;
        }
        return Durations.format(Duration.ofMillis(Math.round(seconds * 1000)));
    }

    /**
     * Returns the list under {@code key}, or an empty list when it is missing or null. A value of
     * another type is listed as not converted under {@code path} and read as an empty list.
     */
    static JsonNode list(JsonNode parent, String key, String path, List<String> notConverted) {
        JsonNode value = parent.path(key);
        if (value.isArray()) {
            return value;
        }
        if (!value.isMissingNode() && !value.isNull()) {
            notConverted.add(path + " = " + compact(value) + ": expected a list, so it was not converted.");
        }
        return JsonNodeFactory.instance.arrayNode();
    }

    /**
     * Returns the object under {@code key}, or an empty object when it is missing or null. A value
     * of another type is listed as not converted under {@code path} and read as an empty object.
     */
    static JsonNode object(JsonNode parent, String key, String path, List<String> notConverted) {
        JsonNode value = parent.path(key);
        if (value.isObject()) {
            return value;
        }
        if (!value.isMissingNode() && !value.isNull()) {
            notConverted.add(path + " = " + compact(value) + ": expected an object, so it was not converted.");
        }
        return JsonNodeFactory.instance.objectNode();
    }

    /**
     * Returns the text under {@code key}, or null when it is missing or null. A value that is not
     * a string or a number is listed as not converted under {@code path} and read as null.
     */
    static String text(JsonNode parent, String key, String path, List<String> notConverted) {
        JsonNode value = parent.path(key);
        if (value.isTextual() || value.isNumber() || value.isBoolean()) {
            return value.asText();
        }
        if (!value.isMissingNode() && !value.isNull()) {
            notConverted.add(path + " = " + compact(value) + ": expected a string, so it was not converted.");
        }
        return null;
    }

    /** Renders a JSON value compactly for messages. */
    static String compact(JsonNode value) {
        return value == null ? "null" : value.toString();
    }
}
