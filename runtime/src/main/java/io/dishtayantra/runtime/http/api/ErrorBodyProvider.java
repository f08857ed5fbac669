package io.dishtayantra.runtime.http.api;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Gives the errors Micronaut raises itself (unknown route, unreadable JSON body, missing
 * parameter) the same {@link ApiError} shape as the API's own errors.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
public class ErrorBodyProvider implements JsonErrorResponseBodyProvider<ApiError> {

    @Override
    public ApiError body(ErrorContext context, HttpResponse<?> response) {
        String error = response.getStatus().name().toLowerCase(Locale.ROOT);
        String message = context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
        if (message.isBlank()) {
            message = response.reason();
        }
        return new ApiError(error, message);
    }
}
