package io.dishtayantra.runtime.connector.resilience;

import io.dishtayantra.api.PluginMetrics;
import io.dishtayantra.api.connector.Completion;
import io.dishtayantra.api.connector.ConnectorContext;
import io.dishtayantra.api.connector.Publisher;
import io.dishtayantra.runtime.connector.config.ConnectorConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;

/**
 * A publisher that sends from its own thread in batches and survives a lost destination.
 *
 * <p>{@link #publish} queues the event and returns; the sender thread takes up to
 * {@code batchSize} events, sends them with {@link #send}, and completes each one when the
 * destination confirmed the batch. On a failure it disconnects, waits with {@link Backoff},
 * reconnects and sends the same batch again (so a destination may see an event twice), until the
 * event is older than {@code deliveryTimeout}; then that event's completion fails. A
 * {@link PermanentPublishException} fails only the offending events at once. The queue holds at
 * most {@code maxInFlight} events and the {@link CircuitBreaker} blocks callers while the
 * destination is down, so a dead sink applies backpressure upstream.
 */
public abstract class ResilientPublisher implements Publisher {

    private static final Duration CLOSE_GRACE = Duration.ofSeconds(10);

    protected ConnectorContext context;
    protected Logger log;
    protected ResilienceSettings resilience;

    private BlockingQueue<Pending> queue;
    private CircuitBreaker breaker;
    private RateLimitedLog errors;
    private PluginMetrics.Counter errorCounter;
    private PluginMetrics.Counter failedCounter;
    private final Object idle = new Object();
    private long unfinished;
    private volatile boolean running;
    private volatile boolean connected;
    private Thread sender;

    private record Pending(Map<String, Object> event, Completion completion, long enqueuedNanos) {
    }

    /** Returns the destination for log lines, such as {@code rabbitmq exchange orders}. */
    protected abstract String description();

    /** Reads the connector's settings; problems go to {@code config}. */
    protected abstract void configure(ConnectorConfig config) throws Exception;

    /** Returns the {@code batchSize} used when the config sets none: 1 for destinations that take one event per call. */
    protected int defaultBatchSize() {
        return 100;
    }

    /** Opens the connection; called on the sender thread. */
    protected abstract void connect() throws Exception;

    /**
     * Sends a batch and returns once the destination confirmed all of it.
     *
     * @throws PermanentPublishException when the destination rejected the content
     * @throws Exception for anything a reconnect may fix
     */
    protected abstract void send(List<Map<String, Object>> batch) throws Exception;

    /** Closes the connection quietly. */
    protected abstract void disconnect();

    @Override
    public final void start(ConnectorContext context) throws Exception {
        this.context = context;
        this.log = context.logger();
        ConnectorConfig config = new ConnectorConfig(context.componentName(), context.config());
        this.resilience = ResilienceSettings.from(config, defaultBatchSize());
        configure(config);
        config.throwIfInvalid();

        this.queue = new ArrayBlockingQueue<>(resilience.maxInFlight());
        this.errors = new RateLimitedLog(log, Duration.ofSeconds(10));
        this.errorCounter = context.metrics().counter("connector_errors_total", "Failed send attempts of this publisher");
        this.failedCounter = context.metrics().counter("connector_events_failed_total",
                "Events this publisher reported failed after retries or a permanent rejection");
        this.breaker = new CircuitBreaker(resilience.failureThreshold(), resilience.openDuration(),
                cause -> log.warn("Circuit opened on {}: publishing blocks until a send succeeds again", description()),
                () -> log.info("Circuit closed on {}: publishing resumed", description()));
        context.metrics().gauge("connector_in_flight", "Events queued or sent but not yet confirmed",
                () -> queue.size());

        running = true;
        sender = Thread.ofPlatform()
                .name("dy-pub-" + context.dagName() + "-" + context.componentName())
                .daemon(true)
                .start(this::sendLoop);
        log.info("Publisher started on {}", description());
    }

    @Override
    public final void publish(Map<String, Object> event, Completion completion) throws Exception {
        if (!running) {
            throw new IllegalStateException("publisher on " + description() + " is closed");
        }
        breaker.acquire();
        synchronized (idle) {
            unfinished++;
        }
        try {
            queue.put(new Pending(event, completion, System.nanoTime()));
        } catch (InterruptedException e) {
            finished();
            throw e;
        }
    }

    @Override
    public final void flush() throws InterruptedException {
        synchronized (idle) {
            while (unfinished > 0 && running) {
                idle.wait(100);
            }
        }
    }

    private void sendLoop() {
        List<Pending> batch = new ArrayList<>(resilience.batchSize());
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, resilience.batchSize() - 1);
                deliver(batch);
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            } finally {
                for (Pending pending : batch) {
                    fail(pending, new IllegalStateException("publisher on " + description() + " closed before delivery"));
                }
                batch.clear();
            }
        }
        List<Pending> rest = new ArrayList<>();
        queue.drainTo(rest);
        rest.forEach(pending -> fail(pending, new IllegalStateException("publisher on " + description() + " closed")));
        if (connected) {
            disconnect();
            connected = false;
        }
    }

    /** Sends the batch until it is confirmed or expired; removes every entry it completes. */
    private void deliver(List<Pending> batch) throws InterruptedException {
        Backoff backoff = resilience.backoff();
        int attempt = 0;
        while (!batch.isEmpty()) {
            expire(batch);
            if (batch.isEmpty()) {
                return;
            }
            try {
                ensureConnected();
                send(batch.stream().map(Pending::event).toList());
                breaker.onSuccess();
                batch.forEach(this::succeed);
                batch.clear();
                return;
            } catch (PermanentPublishException e) {
                breaker.onSuccess();
                deliverPermanentFailure(batch, e);
                return;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception | LinkageError e) {
                breaker.onFailure(e);
                errorCounter.increment();
                context.health().disconnected(RateLimitedLog.describe(e));
                errors.warn("Send to " + description() + " failed, reconnecting", e);
                disconnect();
                connected = false;
                if (!running) {
                    throw new InterruptedException("closing");
                }
                attempt++;
                context.health().reconnecting(attempt);
                backoff.sleep(attempt);
            }
        }
    }

    /** Finds which events of a rejected batch are bad by sending them one by one. */
    private void deliverPermanentFailure(List<Pending> batch, PermanentPublishException cause) throws InterruptedException {
        if (batch.size() == 1) {
            errors.warn("Destination " + description() + " rejected an event", cause);
            fail(batch.getFirst(), cause);
            batch.clear();
            return;
        }
        List<Pending> copy = new ArrayList<>(batch);
        batch.clear();
        for (Pending pending : copy) {
            List<Pending> single = new ArrayList<>(List.of(pending));
            try {
                deliver(single);
            } finally {
                batch.addAll(single);
            }
        }
    }

    private void ensureConnected() throws Exception {
        if (!connected) {
            connect();
            connected = true;
            context.health().connected();
        }
    }

    private void expire(List<Pending> batch) {
        long now = System.nanoTime();
        long limit = resilience.deliveryTimeout().toNanos();
        batch.removeIf(pending -> {
            if (now - pending.enqueuedNanos() < limit) {
                return false;
            }
            fail(pending, new TimeoutException("not confirmed by " + description() + " within "
                    + resilience.deliveryTimeout().toMillis() + "ms (deliveryTimeout)"));
            return true;
        });
    }

    private void succeed(Pending pending) {
        try {
            pending.completion().succeeded();
        } finally {
            finished();
        }
    }

    private void fail(Pending pending, Throwable cause) {
        failedCounter.increment();
        try {
            pending.completion().failed(cause);
        } finally {
            finished();
        }
    }

    private void finished() {
        synchronized (idle) {
            unfinished--;
            if (unfinished == 0) {
                idle.notifyAll();
            }
        }
    }

    /** Whether the sender thread is connected now. */
    protected final boolean connected() {
        return connected;
    }

    @Override
    public void close() {
        if (!running) {
            return;
        }
        try {
            long deadline = System.nanoTime() + CLOSE_GRACE.toNanos();
            synchronized (idle) {
                while (unfinished > 0 && System.nanoTime() < deadline) {
                    idle.wait(100);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running = false;
        sender.interrupt();
        try {
            sender.join(CLOSE_GRACE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("Publisher stopped on {}", description());
    }
}
