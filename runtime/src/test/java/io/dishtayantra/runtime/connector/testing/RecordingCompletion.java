package io.dishtayantra.runtime.connector.testing;

import io.dishtayantra.api.connector.Completion;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A completion a test can wait on. */
public final class RecordingCompletion implements Completion {

    private final CompletableFuture<Void> outcome = new CompletableFuture<>();

    @Override
    public void succeeded() {
        outcome.complete(null);
    }

    @Override
    public void failed(Throwable cause) {
        outcome.completeExceptionally(cause);
    }

    /** Waits for the outcome and throws the failure, if any. */
    public void await(long seconds) throws Exception {
        outcome.get(seconds, TimeUnit.SECONDS);
    }

    public boolean done() {
        return outcome.isDone();
    }

    public boolean succeededAlready() {
        return outcome.isDone() && !outcome.isCompletedExceptionally();
    }
}
