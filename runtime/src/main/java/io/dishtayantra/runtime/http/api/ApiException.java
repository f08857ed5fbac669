package io.dishtayantra.runtime.http.api;

import io.micronaut.http.HttpStatus;
import java.util.List;

/** A request that cannot be served, turned into an {@link ApiError} response with its status. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String error;
    private final List<ApiError.Problem> problems;

    public ApiException(HttpStatus status, String error, String message) {
        this(status, error, message, null);
    }

    public ApiException(HttpStatus status, String error, String message, List<ApiError.Problem> problems) {
        super(message);
        this.status = status;
        this.error = error;
        this.problems = problems;
    }

    /** 404 for a DAG, node or other named thing that does not exist. */
    public static ApiException notFound(String what, String name) {
        return new ApiException(HttpStatus.NOT_FOUND, "not_found", what + " '" + name + "' does not exist.");
    }

    /** 400 for a request body or parameter that is wrong. */
    public static ApiException badRequest(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "bad_request", message);
    }

    public HttpStatus status() {
        return status;
    }

    /** The body of the response. */
    public ApiError body() {
        return new ApiError(error, getMessage(), problems);
    }
}
