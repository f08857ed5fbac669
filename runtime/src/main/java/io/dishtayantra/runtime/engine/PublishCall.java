package io.dishtayantra.runtime.engine;

import io.dishtayantra.api.connector.Completion;
import java.util.Map;

/**
 * One event handed to one publisher, and the {@link Completion} the publisher calls.
 *
 * <p>A completion called on the executor thread during {@link io.dishtayantra.api.connector.Publisher#publish}
 * is recorded in plain fields and handled right after publish returns, so a synchronous publisher
 * costs no allocation: the same call object is reused for the next event. A completion from any
 * other thread, or a later one, is queued to the executor, which handles it and any retry. Such a
 * call object stays with its event until then.
 */
final class PublishCall implements Completion {

    static final int NONE = 0;
    static final int SUCCEEDED = 1;
    static final int FAILED = 2;

    final ExecutionLoop loop;
    final PublisherRuntime publisher;
    EventTicket ticket;
    Map<String, Object> event;
    int attempt;

    // Executor thread only.
    boolean inPublish;
    int inlineOutcome;
    Throwable inlineFailure;

    // Written by the completing thread before queuing; read by the executor after taking it.
    Throwable asyncFailure;

    PublishCall(ExecutionLoop loop, PublisherRuntime publisher) {
        this.loop = loop;
        this.publisher = publisher;
    }

    @Override
    public void succeeded() {
        if (Thread.currentThread() == loop.thread() && inPublish) {
            inlineOutcome = SUCCEEDED;
            return;
        }
        asyncFailure = null;
        loop.completeLater(this);
    }

    @Override
    public void failed(Throwable cause) {
        Throwable failure = cause != null ? cause
                : new IllegalStateException("publisher " + publisher.name() + " reported a failure without a cause");
        if (Thread.currentThread() == loop.thread() && inPublish) {
            inlineOutcome = FAILED;
            inlineFailure = failure;
            return;
        }
        asyncFailure = failure;
        loop.completeLater(this);
    }
}
