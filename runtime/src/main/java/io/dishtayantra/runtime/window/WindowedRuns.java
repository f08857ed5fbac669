package io.dishtayantra.runtime.window;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.window.DagWindows;
import io.dishtayantra.crd.window.WindowSchedule;
import io.dishtayantra.runtime.engine.Engine;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window controllers of the DAGs that one {@code dishtayantra run} started with a window.
 * Thread-safe.
 */
public final class WindowedRuns implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WindowedRuns.class);

    private final Engine engine;
    private final Clock clock;
    private final List<WindowController> controllers = new CopyOnWriteArrayList<>();

    /** @param clock the clock the windows follow, normally {@link Clock#systemUTC()} */
    public WindowedRuns(Engine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    /**
     * Starts following a window: the DAG is deployed, started, suspended or stopped as its window
     * requires, at once and at every boundary after.
     *
     * @param baseDirectory folder that relative paths in the DAG's config resolve against
     */
    public WindowController follow(Dag dag, Path baseDirectory, WindowSchedule schedule) {
        String name = dag.getMetadata().getName();
        if (DagWindows.isCloneTemplate(dag.getSpec(), schedule)) {
            LOG.info("DAG {}: autoClone applies in a cluster only; this process runs every occurrence itself", name);
        }
        WindowController controller = new WindowController(name, schedule,
                new DagWindowTarget(engine, dag, baseDirectory), clock);
        controllers.add(controller);
        controller.start();
        return controller;
    }

    /** Whether any DAG follows a window, so the process has work even while every DAG is stopped. */
    public boolean any() {
        return !controllers.isEmpty();
    }

    /** Stops every controller, so no DAG is started again; stopping the DAGs is the engine's job. */
    @Override
    public void close() {
        controllers.forEach(WindowController::close);
        controllers.clear();
    }
}
