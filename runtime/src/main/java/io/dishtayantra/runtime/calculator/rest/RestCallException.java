package io.dishtayantra.runtime.calculator.rest;

/** A REST calculator could not get a usable response for one event and has no fallback value. */
public final class RestCallException extends Exception {

    RestCallException(String message, Throwable cause) {
        super(message, cause);
    }
}
