package io.dishtayantra.runtime.convert;

import com.fasterxml.jackson.databind.JsonNode;
import io.dishtayantra.crd.time.Durations;
import java.time.Duration;
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

    /** Turns a number of seconds (the original's unit for intervals) into a duration such as 500ms or 2s. */
    static String seconds(JsonNode value) {
        double seconds = value.isNumber() ? value.asDouble() : Double.parseDouble(value.asText().trim());
        return Durations.format(Duration.ofMillis(Math.round(seconds * 1000)));
    }

    /** Renders a JSON value compactly for messages. */
    static String compact(JsonNode value) {
        return value == null ? "null" : value.toString();
    }
}
