package io.dishtayantra.runtime.window;

import io.dishtayantra.crd.window.RunMode;
import io.dishtayantra.crd.window.WindowPosition;
import io.dishtayantra.crd.window.WindowSchedule;
import io.dishtayantra.crd.window.WindowSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one DAG through its window: running while an occurrence is open, suspended or stopped
 * outside it as set by {@code outside}, and started suspended during {@code warmUp}.
 *
 * <p>The controller has its own single-thread scheduler. After each check it sets a timer for
 * the next boundary computed from {@link WindowSchedule#positionAt}, so a change takes effect as
 * soon as the timer fires, normally a few milliseconds after the boundary. A timer never waits
 * longer than {@link #MAX_SLEEP}, so a wall-clock jump or a machine that slept is noticed within
 * that time. A DAG started mid-window runs at once, because {@link #start()} checks immediately.
 *
 * <p>All checks and calls to the target run on the controller's thread; the public methods are
 * thread-safe.
 */
public final class WindowController implements AutoCloseable {

    /** Maximum time between two checks, even when the next boundary is further away. */
    public static final Duration MAX_SLEEP = Duration.ofMinutes(5);

    /** Delay before retrying a change that failed. */
    public static final Duration RETRY_DELAY = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(WindowController.class);

    private final String dagId;
    private final WindowTarget target;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final List<Consumer<WindowPosition>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong failures = new AtomicLong();
    private final Duration retryDelay;

    private volatile WindowSchedule schedule;
    private volatile WindowPosition position;
    private RunMode appliedMode;
    private ScheduledFuture<?> timer;

    /**
     * @param dagId the DAG's id, used in log lines and the thread name
     * @param schedule the DAG's window
     * @param target what the controller drives; it starts in {@link RunMode#STOPPED}
     * @param clock the clock that decides where in the window the DAG is
     */
    public WindowController(String dagId, WindowSchedule schedule, WindowTarget target, Clock clock) {
        this(dagId, schedule, target, clock, RETRY_DELAY);
    }

    WindowController(String dagId, WindowSchedule schedule, WindowTarget target, Clock clock, Duration retryDelay) {
        this.retryDelay = Objects.requireNonNull(retryDelay, "retryDelay");
        this.dagId = Objects.requireNonNull(dagId, "dagId");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.target = Objects.requireNonNull(target, "target");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.appliedMode = RunMode.STOPPED;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "window-" + dagId);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Checks the window now, brings the DAG into its mode, and keeps doing so at each boundary. */
    public void start() {
        LOG.info("DAG {}: following window in {}", dagId, schedule.zone().getId());
        scheduler.execute(this::check);
    }

    /** Replaces the schedule, as when the TimeWindow is edited, and checks again at once. */
    public void update(WindowSchedule newSchedule) {
        Objects.requireNonNull(newSchedule, "newSchedule");
        scheduler.execute(() -> {
            schedule = newSchedule;
            LOG.info("DAG {}: window changed", dagId);
            check();
        });
    }

    /** Registers a listener that receives each new position, on the controller's thread. */
    public void addListener(Consumer<WindowPosition> listener) {
        listeners.add(listener);
    }

    /** The position at the last check; empty before the first. */
    public Optional<WindowPosition> position() {
        return Optional.ofNullable(position);
    }

    /** The schedule in use. */
    public WindowSchedule schedule() {
        return schedule;
    }

    /** Number of changes that failed and were retried since the controller was created. */
    public long failures() {
        return failures.get();
    }

    /** Stops the timers; the DAG is left in its current mode for its owner to stop. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("DAG {}: window thread did not stop within 5s", dagId);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void check() {
        Instant now = clock.instant();
        WindowPosition current = schedule.positionAt(now);
        position = current;

        Duration delay;
        if (current.mode() != appliedMode) {
            delay = change(current);
        } else {
            delay = untilNextBoundary(current, now);
        }
        listeners.forEach(listener -> notify(listener, current));
        schedule(delay);
    }

    private Duration change(WindowPosition current) {
        try {
            target.apply(current.mode());
        } catch (Exception e) {
            long count = failures.incrementAndGet();
            LOG.error("DAG {}: changing from {} to {} failed ({} failures so far); retrying in {} ms: {}", dagId,
                    appliedMode, current.mode(), count, retryDelay.toMillis(), e.toString(), e);
            return retryDelay;
        }
        LOG.info("DAG {}: {} -> {}, window {}", dagId, appliedMode, current.mode(),
                WindowSummary.describe(schedule, current));
        appliedMode = current.mode();
        return untilNextBoundary(current, current.instant());
    }

    private Duration untilNextBoundary(WindowPosition current, Instant now) {
        Optional<Instant> next = earliest(current.nextModeChange(), current.nextTransition());
        if (next.isEmpty()) {
            return MAX_SLEEP;
        }
        Duration delay = Duration.between(now, next.get());
        if (delay.isNegative()) {
            return Duration.ZERO;
        }
        // One extra millisecond so the check lands on or after the boundary despite rounding to millis.
        delay = delay.plusMillis(1);
        return delay.compareTo(MAX_SLEEP) > 0 ? MAX_SLEEP : delay;
    }

    private void schedule(Duration delay) {
        if (scheduler.isShutdown()) {
            return;
        }
        if (timer != null) {
            timer.cancel(false);
        }
        timer = scheduler.schedule(this::check, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void notify(Consumer<WindowPosition> listener, WindowPosition current) {
        try {
            listener.accept(current);
        } catch (RuntimeException e) {
            LOG.warn("DAG {}: window listener failed: {}", dagId, e.toString(), e);
        }
    }

    private static Optional<Instant> earliest(Optional<Instant> first, Optional<Instant> second) {
        if (first.isEmpty()) {
            return second;
        }
        if (second.isEmpty()) {
            return first;
        }
        return Optional.of(first.get().isBefore(second.get()) ? first.get() : second.get());
    }
}
