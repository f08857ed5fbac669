package io.dishtayantra.runtime.engine;

import io.dishtayantra.api.connector.Publisher;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Instant;

/**
 * A started publisher of a DAG with its circuit state. The circuit opens at the first failed
 * attempt and closes at the next success. While it is open, the executor retries the failed event
 * with backoff and takes no new events.
 */
final class PublisherRuntime {

    private static final VarHandle PUBLISHED;

    static {
        try {
            PUBLISHED = MethodHandles.lookup().findVarHandle(PublisherRuntime.class, "published", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String name;
    private final String uri;
    final Publisher publisher;
    final ConnectorHealthState health;
    final RateLimiter failureLog = new RateLimiter(10_000_000_000L);

    /** The call object ready for the next event; null while the last one awaits an async completion. */
    PublishCall idleCall;

    // Written by the executor thread, read by snapshots.
    private volatile boolean open;
    private volatile Instant openSince;
    private volatile ErrorRecord lastError;
    private volatile long failedAttempts;
    private volatile long abandoned;
    private long published;

    PublisherRuntime(String name, String uri, Publisher publisher, ConnectorHealthState health) {
        this.name = name;
        this.uri = uri;
        this.publisher = publisher;
        this.health = health;
    }

    String name() {
        return name;
    }

    void succeeded() {
        PUBLISHED.setOpaque(this, published + 1);
        if (open) {
            open = false;
            openSince = null;
        }
    }

    void failed(Throwable error) {
        failedAttempts = failedAttempts + 1;
        lastError = ErrorRecord.of(error);
        if (!open) {
            open = true;
            openSince = Instant.now();
        }
    }

    void abandoned() {
        abandoned = abandoned + 1;
    }

    PublisherSnapshot snapshot() {
        return new PublisherSnapshot(name, uri, open ? "open" : "closed", openSince, lastError,
                (long) PUBLISHED.getOpaque(this), failedAttempts, abandoned, health.snapshot());
    }
}
