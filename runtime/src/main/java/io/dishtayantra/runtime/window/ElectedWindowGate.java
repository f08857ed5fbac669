package io.dishtayantra.runtime.window;

import io.dishtayantra.crd.window.WindowSchedule;
import io.dishtayantra.runtime.engine.DagInstance;
import io.dishtayantra.runtime.engine.DagState;
import io.dishtayantra.runtime.engine.Engine;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the intake of DAGs that run under Leases (cluster mode) inside their time windows.
 *
 * <p>In cluster mode a DAG is started and stopped by its Lease, not by a {@link WindowController},
 * so this gate checks each windowed DAG on every tick against the pod's own clock: a RUNNING DAG
 * whose window is not open is suspended, and a DAG the gate suspended is resumed once its window
 * opens, unless {@code suspendRequested} reports that {@code spec.suspend} holds it. A DAG that a new
 * Lease started outside its window is therefore suspended within one tick. Whole-DAG stops
 * outside the window ({@code outside: Stop}) are the operator's: it scales the Deployment.
 *
 * <p>Thread-safe; one scheduler thread.
 */
public final class ElectedWindowGate implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ElectedWindowGate.class);

    private final Engine engine;
    private final Map<String, WindowSchedule> schedules;
    private final Clock clock;
    private final BooleanSupplier suspendRequested;
    private final Set<String> suspendedHere = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;

    private ElectedWindowGate(Engine engine, Map<String, WindowSchedule> schedules, Clock clock,
            BooleanSupplier suspendRequested, Duration tick) {
        this.engine = engine;
        this.schedules = Map.copyOf(schedules);
        this.clock = clock;
        this.suspendRequested = suspendRequested;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> Thread.ofPlatform()
                .name("window-gate").daemon(true).unstarted(runnable));
        timer.scheduleWithFixedDelay(this::tick, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Starts checking the DAGs named in {@code schedules} every {@code tick}.
     *
     * @param suspendRequested returns true while {@code spec.suspend} requests that every DAG be suspended
     * @throws IllegalArgumentException when the tick is not positive
     */
    public static ElectedWindowGate start(Engine engine, Map<String, WindowSchedule> schedules, Clock clock,
            BooleanSupplier suspendRequested, Duration tick) {
        if (tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("The window gate's tick must be positive, not " + tick);
        }
        LOG.info("Following the time windows of {} in cluster mode", schedules.keySet());
        return new ElectedWindowGate(engine, schedules, clock, suspendRequested, tick);
    }

    /** Applies every DAG's window once; also called by the timer. */
    void tick() {
        for (Map.Entry<String, WindowSchedule> entry : schedules.entrySet()) {
            try {
                apply(entry.getKey(), entry.getValue());
            } catch (RuntimeException e) {
                LOG.warn("DAG {}: applying its time window failed: {}", entry.getKey(), e.toString());
            }
        }
    }

    private void apply(String name, WindowSchedule schedule) {
        Optional<DagInstance> found = engine.get(name);
        if (found.isEmpty()) {
            return;
        }
        DagInstance dag = found.get();
        boolean open = schedule.positionAt(clock.instant()).active();
        DagState state = dag.state();
        if (!open && state == DagState.RUNNING) {
            LOG.info("DAG {}: its time window is not open; suspending intake", name);
            dag.suspend();
            suspendedHere.add(name);
        } else if (open && state == DagState.SUSPENDED && !suspendRequested.getAsBoolean()
                && suspendedHere.remove(name)) {
            LOG.info("DAG {}: its time window opened; resuming intake", name);
            dag.resume();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
