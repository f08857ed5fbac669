package io.dishtayantra.crd.validation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;

/**
 * The scheme of a subscriber or publisher URI, or why none could be read. A bare word that is
 * itself a known scheme, such as {@code metronome}, counts as that scheme with nothing after it.
 *
 * @param scheme the lowercase scheme, or {@code null} when the URI is malformed
 * @param error why the URI is malformed, or {@code null}
 */
public record ConnectorUri(String scheme, String error) {

    /** Reads the scheme of {@code uri}; {@code knownSchemes} lets a bare scheme name through. */
    public static ConnectorUri parse(String uri, Collection<String> knownSchemes) {
        String trimmed = uri.trim();
        if (!trimmed.contains(":")) {
            String word = trimmed.toLowerCase(Locale.ROOT);
            if (knownSchemes.contains(word)) {
                return new ConnectorUri(word, null);
            }
            if (looksLikePath(trimmed)) {
                return new ConnectorUri(null, "The URI has no scheme; for a file, write file://" + trimmed + ".");
            }
            return new ConnectorUri(null, "The URI has no scheme; write it as SCHEME://..., such as"
                    + " mem://queue/" + (trimmed.isEmpty() ? "events" : trimmed) + ".");
        }
        try {
            URI parsed = new URI(trimmed);
            if (parsed.getScheme() == null) {
                return new ConnectorUri(null, "The URI has no scheme; write it as SCHEME://..., such as mem://queue/events.");
            }
            return new ConnectorUri(parsed.getScheme().toLowerCase(Locale.ROOT), null);
        } catch (URISyntaxException e) {
            int separator = trimmed.indexOf("://");
            if (separator > 0 && trimmed.substring(separator + 3).isBlank()) {
                return new ConnectorUri(null, "The URI has nothing after " + trimmed.substring(0, separator + 3)
                        + "; add the path or name, such as file://data/in.jsonl or mem://queue/events.");
            }
            if (e.getIndex() >= 0 && e.getIndex() < trimmed.length() && trimmed.charAt(e.getIndex()) == ' ') {
                return new ConnectorUri(null, "The URI is malformed: it contains a space at index " + e.getIndex()
                        + "; write each space as %20, such as file://data/my%20file.jsonl.");
            }
            return new ConnectorUri(null, "The URI is malformed: " + e.getReason() + " at index " + e.getIndex()
                    + ". Percent-encode special characters, such as %20 for a space and %23 for #.");
        }
    }

    /** Returns whether a URI without a scheme reads as a file path, such as data/in.jsonl or /var/log/app.jsonl. */
    private static boolean looksLikePath(String text) {
        return text.startsWith("/") || text.startsWith("./") || text.startsWith("../") || text.startsWith("~/")
                || text.matches("[^\\s]*/[^\\s]*") || text.matches("[^\\s/]+\\.[A-Za-z0-9]{1,5}");
    }

    /** Whether a scheme could be read. */
    public boolean valid() {
        return scheme != null;
    }
}
