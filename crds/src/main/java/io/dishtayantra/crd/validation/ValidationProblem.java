package io.dishtayantra.crd.validation;

/**
 * One thing wrong with a manifest. Control characters and bidirectional formatting characters
 * (such as U+202E, which reorders a terminal line) in the value and message are written as
 * {@code \}{@code uXXXX} escapes, so that a name taken from a manifest cannot garble the output.
 *
 * @param path where it is, in the manifest's own terms, such as {@code spec.nodes[2].calculator}
 * @param value the offending value as written, or {@code null} when the value is missing
 * @param message what is wrong and what to do, as a full sentence
 */
public record ValidationProblem(String path, String value, String message) {

    public ValidationProblem {
        path = escape(path);
        value = escape(value);
        message = escape(message);
    }

    /** Returns "path (value): message"; an empty path, which means the whole document, is shown as "document". */
    @Override
    public String toString() {
        String shownPath = path == null || path.isEmpty() ? "document" : path;
        return value == null ? shownPath + ": " + message : shownPath + " (" + value + "): " + message;
    }

    /** Returns the text with control and bidirectional formatting characters escaped; null stays null. */
    static String escape(String text) {
        if (text == null || text.chars().noneMatch(ValidationProblem::unsafe)) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        text.chars().forEach(c -> {
            if (unsafe(c)) {
                escaped.append(String.format("\\u%04X", c));
            } else {
                escaped.append((char) c);
            }
        });
        return escaped.toString();
    }

    private static boolean unsafe(int c) {
        return Character.getType(c) == Character.CONTROL
                || c == 0x061C || c == 0x200E || c == 0x200F
                || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069);
    }
}
