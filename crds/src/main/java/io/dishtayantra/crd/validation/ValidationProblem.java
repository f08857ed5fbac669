package io.dishtayantra.crd.validation;

/**
 * One thing wrong with a manifest.
 *
 * @param path where it is, in the manifest's own terms, such as {@code spec.nodes[2].calculator}
 * @param value the offending value as written, or {@code null} when the value is missing
 * @param message what is wrong and what to do, as a full sentence
 */
public record ValidationProblem(String path, String value, String message) {

    /** Hides URI passwords in the value and the message, since problems are printed and sent over HTTP. */
    public ValidationProblem {
        value = UriRedactor.redact(value);
        message = UriRedactor.redact(message);
    }

    @Override
    public String toString() {
        return value == null ? path + ": " + message : path + " (" + value + "): " + message;
    }
}
