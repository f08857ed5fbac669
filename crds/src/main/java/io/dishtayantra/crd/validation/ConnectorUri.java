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
            return new ConnectorUri(null, "The URI is malformed: " + e.getReason() + " at index " + e.getIndex()
                    + ". Percent-encode spaces and special characters, such as %20 for a space.");
        }
    }

    /** Whether a scheme could be read. */
    public boolean valid() {
        return scheme != null;
    }
}
