package io.dishtayantra.runtime.calculator.natives;

/** A native function returned an error or an unusable result for one event. */
public final class NativeCallException extends Exception {

    NativeCallException(String function, String reason) {
        super("Native function " + function + ": " + reason);
    }

    NativeCallException(String function, String reason, Throwable cause) {
        super("Native function " + function + ": " + reason, cause);
    }
}
