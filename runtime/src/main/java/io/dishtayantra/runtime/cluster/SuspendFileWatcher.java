package io.dishtayantra.runtime.cluster;

import io.dishtayantra.runtime.engine.DagInstance;
import io.dishtayantra.runtime.engine.DagState;
import io.dishtayantra.runtime.engine.Engine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code spec.suspend} in a cluster without a restart: the operator writes it to the
 * ConfigMap key {@code suspend}, mounted as a file (by default {@code /etc/dishtayantra/suspend}),
 * and this watcher polls that file and suspends or resumes every DAG of the process.
 *
 * <p>The desired state is applied again on every poll, so a DAG that another controller restarts
 * (a Lease change, a window opening) is suspended again within one interval. The watcher resumes
 * only DAGs it suspended itself, so it never overrides a suspension by a time window.
 *
 * <p>A missing file means "not suspended"; an unreadable file or a value other than {@code true}
 * or {@code false} keeps the last state and is logged once per change. Thread-safe.
 */
public final class SuspendFileWatcher implements AutoCloseable {

    /** Environment variable naming the file; the operator sets it in runtime pods. */
    public static final String FILE_VARIABLE = "DISHTAYANTRA_SUSPEND_FILE";

    private static final Logger LOG = LoggerFactory.getLogger(SuspendFileWatcher.class);

    private final Engine engine;
    private final Path file;
    private final ScheduledExecutorService timer;
    private final Set<String> suspendedHere = ConcurrentHashMap.newKeySet();
    private volatile Boolean desired;
    private volatile String lastProblem;

    private SuspendFileWatcher(Engine engine, Path file, Duration interval) {
        this.engine = engine;
        this.file = file;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> Thread.ofPlatform()
                .name("suspend-file-watcher").daemon(true).unstarted(runnable));
        timer.scheduleWithFixedDelay(this::poll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Starts polling {@code file} every {@code interval}.
     *
     * @throws IllegalArgumentException when the interval is not positive
     */
    public static SuspendFileWatcher start(Engine engine, Path file, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("The suspend file's poll interval must be positive, not " + interval);
        }
        LOG.info("Watching {} for spec.suspend every {} ms", file, interval.toMillis());
        return new SuspendFileWatcher(engine, file, interval);
    }

    /** Returns true when the file last read requested that every DAG be suspended. */
    public boolean suspendRequested() {
        return Boolean.TRUE.equals(desired);
    }

    /** Reads the file once and applies its value; also called by the timer. */
    void poll() {
        try {
            Boolean value = read();
            if (value == null) {
                return;
            }
            if (!value.equals(desired)) {
                LOG.info("{} says suspend={}; {} every DAG", file, value, value ? "suspending" : "resuming");
                desired = value;
            }
            apply(value);
        } catch (RuntimeException e) {
            LOG.warn("Applying {} failed: {}", file, e.toString());
        }
    }

    /** Returns the file's value, false when it is missing, or null when it cannot be used. */
    private Boolean read() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (NoSuchFileException missing) {
            return Boolean.FALSE;
        } catch (IOException e) {
            reportOnce("Cannot read " + file + ": " + e.getMessage() + "; keeping the current state");
            return null;
        }
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            lastProblem = null;
            return Boolean.valueOf(text.toLowerCase());
        }
        reportOnce(file + " contains '" + text + "', expected true or false; keeping the current state");
        return null;
    }

    private void apply(boolean suspend) {
        for (DagInstance dag : engine.list()) {
            DagState state = dag.state();
            if (suspend && state == DagState.RUNNING) {
                dag.suspend();
                suspendedHere.add(dag.name());
            } else if (!suspend && state == DagState.SUSPENDED && suspendedHere.remove(dag.name())) {
                dag.resume();
            }
        }
    }

    private void reportOnce(String problem) {
        if (!problem.equals(lastProblem)) {
            LOG.warn(problem);
            lastProblem = problem;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
