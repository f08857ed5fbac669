package io.dishtayantra.runtime.ha;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.runtime.engine.DagInstance;
import io.dishtayantra.runtime.engine.DagState;
import io.dishtayantra.runtime.engine.Engine;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A DAG deployed in an {@link Engine} whose intake follows a Lease: while standby the DAG is
 * deployed (its structure checked) but not started, so no subscription is open; on activation it
 * starts; on deactivation it stops, which pauses the subscribers first, processes the events in
 * flight and acknowledges only what was published, and a fresh unstarted copy is deployed for the
 * next activation. Called by one {@link LeaseCoordinator} thread at a time.
 */
public final class LeasedDag implements InstanceLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(LeasedDag.class);

    private final Engine engine;
    private final Dag dag;
    private final Path baseDirectory;
    private final String name;
    private volatile DagInstance instance;

    /**
     * Deploys the DAG without starting it.
     *
     * @throws io.dishtayantra.runtime.engine.InvalidDagException when its structure is invalid
     */
    public LeasedDag(Engine engine, Dag dag, Path baseDirectory) {
        this.engine = engine;
        this.dag = dag;
        this.baseDirectory = baseDirectory;
        this.name = dag.getMetadata().getName();
        this.instance = engine.deploy(dag, baseDirectory);
    }

    /** Returns the DAG's current deployment: unstarted while standby. */
    public DagInstance instance() {
        return instance;
    }

    @Override
    public void activate(int index) {
        DagInstance current = instance;
        if (current.state() != DagState.CREATED) {
            current = redeploy();
        }
        LOG.info("DAG {}: opening intake as active instance {}", name, index);
        current.start();
    }

    @Override
    public void deactivate(String reason) {
        LOG.info("DAG {}: stopping intake because {}", name, reason);
        engine.remove(name);
        instance = engine.deploy(dag, baseDirectory);
        LOG.info("DAG {}: standby, no subscription open", name);
    }

    private DagInstance redeploy() {
        engine.remove(name);
        instance = engine.deploy(dag, baseDirectory);
        return instance;
    }
}
