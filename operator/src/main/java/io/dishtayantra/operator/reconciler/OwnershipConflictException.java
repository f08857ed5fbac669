package io.dishtayantra.operator.reconciler;

/** An object the operator would manage already exists and belongs to something else. */
public final class OwnershipConflictException extends RuntimeException {

    public OwnershipConflictException(String message) {
        super(message);
    }
}
