package io.dishtayantra.runtime.calculator.expression;

/** A CEL expression failed for one event; the engine takes the event's failure path. */
public final class ExpressionEvaluationException extends Exception {

    ExpressionEvaluationException(String calculator, String key, String reason, Throwable cause) {
        super("Expression calculator '" + calculator + "', " + key + ": " + reason, cause);
    }
}
