package io.dishtayantra.runtime.connector.codec;

/** A broker payload that is not a JSON value; its message says why, for the dead-letter record. */
public final class InvalidPayloadException extends Exception {

    public InvalidPayloadException(String message) {
        super(message);
    }
}
