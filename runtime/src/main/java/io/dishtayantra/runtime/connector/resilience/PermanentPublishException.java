package io.dishtayantra.runtime.connector.resilience;

/**
 * A send that retrying cannot fix, such as a row the database rejects or an HTTP 400: the
 * publisher reports the event failed at once instead of reconnecting.
 */
public class PermanentPublishException extends Exception {

    public PermanentPublishException(String message, Throwable cause) {
        super(message, cause);
    }

    public PermanentPublishException(String message) {
        super(message);
    }
}
