package io.dishtayantra.runtime.http.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The body of every error response.
 *
 * @param error a short machine-readable code, such as not_found or invalid_manifest
 * @param message a sentence naming the DAG, node or field and saying what to do
 * @param problems every validation problem, for a rejected manifest; null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String message, List<Problem> problems) {

    /** One thing wrong with a request body, with its path in the manifest's terms. */
    public record Problem(String path, String value, String message) {
    }

    public ApiError(String error, String message) {
        this(error, message, null);
    }
}
