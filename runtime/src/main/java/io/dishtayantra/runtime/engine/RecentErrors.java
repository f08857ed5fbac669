package io.dishtayantra.runtime.engine;

import java.util.ArrayDeque;
import java.util.List;

/** The last {@value #CAPACITY} errors of a node. Failures are rare, so a lock is fine here. */
final class RecentErrors {

    static final int CAPACITY = 10;

    private final ArrayDeque<ErrorRecord> errors = new ArrayDeque<>(CAPACITY);

    synchronized void add(ErrorRecord error) {
        if (errors.size() == CAPACITY) {
            errors.removeFirst();
        }
        errors.addLast(error);
    }

    /** Oldest first. */
    synchronized List<ErrorRecord> snapshot() {
        return List.copyOf(errors);
    }
}
