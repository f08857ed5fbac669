package io.dishtayantra.runtime.engine;

import java.time.Instant;

/**
 * One failure recorded for a node or publisher.
 *
 * @param time when it happened
 * @param errorType the exception's class name
 * @param message the exception's message, or its class name when it has none
 */
public record ErrorRecord(Instant time, String errorType, String message) {

    static ErrorRecord of(Throwable error) {
        String message = error.getMessage() == null ? error.getClass().getName() : error.getMessage();
        return new ErrorRecord(Instant.now(), error.getClass().getName(), message);
    }
}
