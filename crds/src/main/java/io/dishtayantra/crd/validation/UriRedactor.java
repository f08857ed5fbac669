package io.dishtayantra.crd.validation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides the password of the user information in every URI inside a text, such as
 * {@code redis://admin:******@host:6379}. Works on malformed URIs and on URIs inside messages,
 * because it matches the text rather than parsing it. Thread-safe.
 */
public final class UriRedactor {

    /** The text that replaces a password. */
    public static final String REDACTED = "******";

    // SCHEME://USER:PASSWORD@ where neither part contains a slash, a space or an @.
    private static final Pattern USER_INFO = Pattern.compile(
            "([A-Za-z][A-Za-z0-9+.\\-]*://[^/?#@\\s:]*):([^/?#@\\s]*)@");

    private UriRedactor() {
    }

    /** Returns the text with each URI password replaced by {@link #REDACTED}; null stays null. */
    public static String redact(String text) {
        if (text == null || text.indexOf('@') < 0) {
            return text;
        }
        Matcher matcher = USER_INFO.matcher(text);
        return matcher.replaceAll(match -> Matcher.quoteReplacement(match.group(1) + ":" + REDACTED + "@"));
    }
}
