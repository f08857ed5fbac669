package io.dishtayantra.runtime.engine;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.validation.ValidationProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DAG instances of one process, by name. Each DAG runs on its own executor thread, so
 * independent DAGs run in parallel. Thread-safe.
 */
public final class Engine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final EngineServices services;
    private final ConcurrentMap<String, DagInstance> dags = new ConcurrentHashMap<>();

    public Engine(EngineServices services) {
        this.services = services;
    }

    public EngineServices services() {
        return services;
    }

    /**
     * Registers a DAG without starting it; call {@link DagInstance#start()} next.
     *
     * @param baseDirectory folder that relative paths in the DAG's config resolve against,
     *     normally the manifest's folder
     * @throws InvalidDagException listing every structural problem (missing references, cycles, …)
     * @throws IllegalStateException when a DAG of that name is deployed and not yet STOPPED or
     *     FAILED; a stopped or failed one is replaced
     */
    public DagInstance deploy(Dag dag, Path baseDirectory) {
        List<ValidationProblem> problems = DagStructure.check(dag);
        String name = dag.getMetadata() == null ? null : dag.getMetadata().getName();
        if (!problems.isEmpty()) {
            throw new InvalidDagException(name == null ? "(unnamed)" : name, problems);
        }
        DagInstance instance = new DagInstance(dag, baseDirectory, services);
        DagInstance existing = dags.putIfAbsent(name, instance);
        while (existing != null) {
            // A STOPPED or FAILED instance of the same name is replaced, so a DAG can run again.
            if (!existing.state().isFinal()) {
                throw new IllegalStateException("A DAG named " + name + " is already deployed (" + existing.state()
                        + "); stop or remove it first, or choose another name.");
            }
            if (dags.replace(name, existing, instance)) {
                return instance;
            }
            existing = dags.putIfAbsent(name, instance);
        }
        return instance;
    }

    /** Checks a DAG's structure as {@link #deploy} does, without deploying it. */
    public static List<ValidationProblem> checkStructure(Dag dag) {
        return DagStructure.check(dag);
    }

    public Optional<DagInstance> get(String name) {
        return Optional.ofNullable(dags.get(name));
    }

    /** The deployed DAGs, in no particular order. */
    public Collection<DagInstance> list() {
        return List.copyOf(dags.values());
    }

    /**
     * Stops a DAG and removes it from the engine.
     *
     * @return whether a DAG of that name was deployed
     */
    public boolean remove(String name) {
        DagInstance instance = dags.get(name);
        if (instance == null) {
            return false;
        }
        instance.stop();
        dags.remove(name, instance);
        return true;
    }

    /** Stops every DAG, in parallel, and waits for all of them. */
    public void shutdown() {
        List<Thread> stopping = new ArrayList<>();
        for (DagInstance instance : dags.values()) {
            stopping.add(Thread.ofVirtual().name("stop-" + instance.name()).start(() -> {
                try {
                    instance.stop();
                } catch (RuntimeException error) {
                    LOG.error("Stopping DAG {} failed", instance.name(), error);
                }
            }));
        }
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        shutdown();
    }
}
