package io.dishtayantra.runtime.connector.resilience;

import io.dishtayantra.api.PluginMetrics;
import io.dishtayantra.api.connector.ConnectorContext;
import io.dishtayantra.api.connector.EventSink;
import io.dishtayantra.api.connector.Subscriber;
import io.dishtayantra.runtime.connector.config.ConnectorConfig;
import java.time.Duration;
import org.slf4j.Logger;

/**
 * A subscriber that owns one thread running connect, consume, disconnect, and reconnects with
 * {@link Backoff} after any failure, reporting each step to the connector's health. Subclasses
 * implement the three steps; {@link #consume()} returns when {@link #running()} turns false.
 *
 * <p>Pause and resume are recorded in a flag that {@link #awaitResumed()} waits on; subclasses
 * whose client pushes events may also override {@link #onPause()} and {@link #onResume()}.
 */
public abstract class ResilientSubscriber implements Subscriber {

    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    protected ConnectorContext context;
    protected EventSink sink;
    protected Logger log;
    protected ResilienceSettings resilience;
    protected RateLimitedLog errors;
    protected PluginMetrics.Counter errorCounter;

    private volatile boolean running;
    private volatile boolean paused;
    private final Object pauseLock = new Object();
    private Thread thread;

    /** Returns the source for log lines, such as {@code kafka topic trades}. */
    protected abstract String description();

    /** Reads the connector's settings; throws IllegalArgumentException naming a bad key. */
    protected abstract void configure(ConnectorConfig config) throws Exception;

    /** Opens the connection; called on the subscriber's thread, again after every failure. */
    protected abstract void connect() throws Exception;

    /** Takes events and hands them to {@link #sink} until {@link #running()} is false or a failure. */
    protected abstract void consume() throws Exception;

    /** Closes the connection quietly; called after {@link #consume()} ends or fails. */
    protected abstract void disconnect();

    /** Unblocks a {@link #consume()} that waits inside a client call, when the subscriber closes. */
    protected void wakeUp() {
    }

    /** Called on {@link #pause()} from the caller's thread. */
    protected void onPause() {
    }

    /** Called on {@link #resume()} from the caller's thread. */
    protected void onResume() {
    }

    @Override
    public final void start(ConnectorContext context, EventSink sink) throws Exception {
        this.context = context;
        this.sink = sink;
        this.log = context.logger();
        this.errors = new RateLimitedLog(log, Duration.ofSeconds(10));
        this.errorCounter = context.metrics().counter("connector_errors_total",
                "Connection and consume errors of this subscriber");
        ConnectorConfig config = new ConnectorConfig(context.componentName(), context.config());
        this.resilience = ResilienceSettings.from(config);
        configure(config);
        config.throwIfInvalid();

        running = true;
        thread = Thread.ofPlatform()
                .name("dy-sub-" + context.dagName() + "-" + context.componentName())
                .daemon(true)
                .start(this::runLoop);
        log.info("Subscriber started on {}", description());
    }

    private void runLoop() {
        Backoff backoff = resilience.backoff();
        int attempt = 0;
        while (running) {
            try {
                connect();
                context.health().connected();
                if (attempt > 0) {
                    log.info("Reconnected to {} after {} attempts", description(), attempt);
                }
                attempt = 0;
                consume();
            } catch (InterruptedException e) {
                if (running) {
                    errors.warn("Subscriber thread interrupted on " + description(), e);
                }
            } catch (Exception | LinkageError e) {
                if (running) {
                    errorCounter.increment();
                    context.health().disconnected(RateLimitedLog.describe(e));
                    errors.warn("Lost " + description() + ", reconnecting", e);
                }
            } finally {
                disconnect();
            }
            if (!running) {
                break;
            }
            attempt++;
            context.health().reconnecting(attempt);
            try {
                backoff.sleep(attempt);
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            }
        }
    }

    /** Whether the subscriber should keep consuming. */
    protected final boolean running() {
        return running;
    }

    protected final boolean paused() {
        return paused;
    }

    /** Blocks while paused; returns false when the subscriber is closing. */
    protected final boolean awaitResumed() throws InterruptedException {
        synchronized (pauseLock) {
            while (paused && running) {
                pauseLock.wait(200);
            }
        }
        return running;
    }

    /** Stops taking events; may be called before {@link #start}, which then connects but takes nothing. */
    @Override
    public void pause() {
        paused = true;
        onPause();
        if (log != null) {
            log.info("Subscriber paused on {}", description());
        }
    }

    @Override
    public void resume() {
        synchronized (pauseLock) {
            paused = false;
            pauseLock.notifyAll();
        }
        onResume();
        if (log != null) {
            log.info("Subscriber resumed on {}", description());
        }
    }

    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        synchronized (pauseLock) {
            pauseLock.notifyAll();
        }
        wakeUp();
        try {
            thread.join(CLOSE_GRACE);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(CLOSE_GRACE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("Subscriber stopped on {}", description());
    }
}
