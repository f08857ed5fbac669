package io.dishtayantra.runtime.window;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.window.RunMode;
import io.dishtayantra.runtime.engine.DagInstance;
import io.dishtayantra.runtime.engine.DagState;
import io.dishtayantra.runtime.engine.Engine;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a DAG of an {@link Engine} into the mode its window requires. A {@link DagInstance}
 * cannot start again once stopped, so every start after a stop deploys a fresh instance of the
 * same manifest under the same name. Suspending and resuming keep the instance, so queued events
 * and events waiting in the sources are processed after the resume.
 *
 * <p>A DAG whose spec says {@code suspend: true} stays suspended inside its window: the window
 * only ever narrows when a DAG runs. Not thread-safe; the {@link WindowController} calls it from
 * its single thread.
 */
public final class DagWindowTarget implements WindowTarget {

    private static final Logger LOG = LoggerFactory.getLogger(DagWindowTarget.class);
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final Engine engine;
    private final Dag dag;
    private final Path baseDirectory;
    private final String name;

    /**
     * @param dag the manifest; the target never modifies it
     * @param baseDirectory folder that relative paths in the DAG's config resolve against
     */
    public DagWindowTarget(Engine engine, Dag dag, Path baseDirectory) {
        this.engine = engine;
        this.dag = dag;
        this.baseDirectory = baseDirectory;
        this.name = dag.getMetadata().getName();
    }

    /** The instance currently deployed under the DAG's name, if any. */
    public Optional<DagInstance> instance() {
        return engine.get(name);
    }

    @Override
    public void apply(RunMode mode) {
        RunMode effective = mode == RunMode.RUNNING && dag.getSpec().suspended() ? RunMode.SUSPENDED : mode;
        Optional<DagInstance> current = instance().filter(instance -> !instance.state().isFinal()
                && instance.state() != DagState.STOPPING);
        switch (effective) {
            case RUNNING -> {
                if (current.isEmpty()) {
                    deployAndStart(false);
                } else {
                    current.get().resume();
                }
            }
            case SUSPENDED -> {
                if (current.isEmpty()) {
                    deployAndStart(true);
                } else {
                    current.get().suspend();
                }
            }
            case STOPPED -> current.ifPresent(DagInstance::stop);
        }
    }

    /**
     * Deploys a fresh instance and starts it. When {@code suspended}, the instance runs a copy of
     * the manifest with {@code suspend: true}, so it suspends inside its own start.
     */
    private void deployAndStart(boolean suspended) {
        engine.get(name).ifPresent(previous -> {
            // Only a STOPPED or FAILED instance is left here, and remove() unregisters it.
            LOG.debug("DAG {}: replacing the {} instance", name, previous.state());
            engine.remove(name);
        });
        Dag manifest = dag;
        if (suspended && !dag.getSpec().suspended()) {
            manifest = SERIALIZATION.clone(dag);
            manifest.getSpec().setSuspend(true);
        }
        DagInstance instance = engine.deploy(manifest, baseDirectory);
        instance.start();
    }
}
