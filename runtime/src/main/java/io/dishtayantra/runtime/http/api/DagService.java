package io.dishtayantra.runtime.http.api;

import io.dishtayantra.crd.manifest.ManifestDocument;
import io.dishtayantra.crd.manifest.ManifestLoader;
import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.v1alpha1.TimeWindowSpec;
import io.dishtayantra.crd.validation.DagValidator;
import io.dishtayantra.crd.validation.ValidationProblem;
import io.dishtayantra.runtime.catalog.RuntimeCatalog;
import io.dishtayantra.runtime.engine.DagInstance;
import io.dishtayantra.runtime.engine.DagStartException;
import io.dishtayantra.runtime.engine.DagState;
import io.dishtayantra.runtime.engine.Engine;
import io.dishtayantra.runtime.engine.InvalidDagException;
import io.dishtayantra.runtime.http.HttpSettings;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.micronaut.http.HttpStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's operations on the engine: lifecycle actions, adding, deleting and cloning DAGs. In
 * cluster mode the operator owns the lifecycle, so every action is rejected with 409 and the
 * kubectl command to use instead. Thread-safe, because the engine serialises changes to one DAG.
 */
public final class DagService {

    private static final Logger LOG = LoggerFactory.getLogger(DagService.class);
    private static final Pattern DAG_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private final Engine engine;
    private final HttpSettings settings;
    private final DagValidator validator;
    private final Map<String, Path> baseDirectories = new ConcurrentHashMap<>();

    public DagService(Engine engine, HttpSettings settings) {
        this.engine = engine;
        this.settings = settings;
        this.validator = new DagValidator(new RuntimeCatalog(engine.services().calculators(), engine.services().connectors()));
    }

    public Engine engine() {
        return engine;
    }

    /** Remembers the folder a DAG's relative paths resolve against, for a later start or clone. */
    public void rememberBaseDirectory(String dagName, Path baseDirectory) {
        baseDirectories.put(dagName, baseDirectory);
    }

    /** Returns the DAG of that name, or throws a 404. */
    public DagInstance dag(String name) {
        return engine.get(name).orElseThrow(() -> ApiException.notFound("DAG", name));
    }

    /** Applies suspend, resume, stop or start to a DAG. */
    public DagInstance act(String name, String action) {
        DagInstance dag = dag(name);
        rejectInCluster(action, name);
        try {
            switch (action) {
                case "suspend" -> dag.suspend();
                case "resume" -> dag.resume();
                case "stop" -> dag.stop();
                case "start" -> {
                    return start(dag);
                }
                default -> throw ApiException.notFound("Action", action + "' on DAG '" + name);
            }
        } catch (IllegalStateException e) {
            throw new ApiException(HttpStatus.CONFLICT, "invalid_state", e.getMessage());
        }
        LOG.info("DAG {}: {} requested through the API", name, action);
        return dag;
    }

    /**
     * Starts a DAG: a CREATED one directly; a STOPPED or FAILED one is deployed again from its
     * manifest, because the engine's stopped instances are final.
     */
    private DagInstance start(DagInstance dag) {
        DagState state = dag.state();
        if (state == DagState.RUNNING || state == DagState.SUSPENDED || state == DagState.STOPPING) {
            throw new ApiException(HttpStatus.CONFLICT, "invalid_state",
                    "DAG '" + dag.name() + "' is " + state + "; only a CREATED, STOPPED or FAILED DAG can be started.");
        }
        DagInstance target = dag;
        if (state != DagState.CREATED) {
            engine.remove(dag.name());
            target = engine.deploy(dag.dag(), baseDirectory(dag.name()));
        }
        startOrFail(target);
        LOG.info("DAG {}: start requested through the API", dag.name());
        return target;
    }

    /**
     * Validates a manifest and deploys and starts its DAG (standalone only).
     *
     * @param text one YAML or JSON document of kind DAG
     * @throws ApiException 400 listing every problem, 409 when the name is taken or in cluster mode
     */
    public DagInstance add(String text) {
        rejectInCluster("add", null);
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest("The request body is empty; send a DAG manifest as YAML or JSON.");
        }
        List<ManifestDocument> documents = new ManifestLoader().parse(text, Path.of("request body"));
        if (documents.size() != 1) {
            throw ApiException.badRequest("The request body contains " + documents.size()
                    + " documents; send exactly one DAG manifest.");
        }
        ManifestDocument document = documents.getFirst();
        if (document.resource() != null && !(document.resource() instanceof Dag)) {
            throw ApiException.badRequest("The manifest is a " + document.resource().getKind() + "; send a DAG.");
        }
        List<ValidationProblem> problems = validator.validate(document).problems();
        Dag dag = (Dag) document.resource();
        String name = dag == null || dag.getMetadata() == null ? null : dag.getMetadata().getName();
        rejectIfInvalid(name, problems);
        requireFreeName(name);
        Path baseDirectory = Path.of("").toAbsolutePath();
        DagInstance instance = deploy(dag, baseDirectory);
        startOrFail(instance);
        LOG.info("DAG {} added through the API", name);
        return instance;
    }

    /** Stops a DAG and removes it from the engine (standalone only). */
    public void delete(String name) {
        dag(name);
        rejectInCluster("delete", name);
        engine.remove(name);
        baseDirectories.remove(name);
        LOG.info("DAG {} deleted through the API", name);
    }

    /**
     * Deploys and starts a copy of a DAG under a new name, optionally with another time window
     * (standalone only).
     */
    public DagInstance cloneDag(String name, String newName, TimeWindowSpec window) {
        DagInstance source = dag(name);
        rejectInCluster("clone", name);
        if (newName == null || newName.isBlank()) {
            throw ApiException.badRequest("Field 'name' is missing; give the clone a name.");
        }
        Dag copy = Serialization.clone(source.dag());
        copy.getMetadata().setName(newName);
        copy.getMetadata().setUid(null);
        copy.getMetadata().setResourceVersion(null);
        copy.setStatus(null);
        if (window != null) {
            copy.getSpec().setTimeWindow(window);
            copy.getSpec().setTimeWindowRef(null);
        }
        rejectIfInvalid(newName, validator.validate(copy).problems());
        requireFreeName(newName);
        DagInstance instance = deploy(copy, baseDirectory(name));
        startOrFail(instance);
        LOG.info("DAG {} cloned as {} through the API", name, newName);
        return instance;
    }

    private DagInstance deploy(Dag dag, Path baseDirectory) {
        String name = dag.getMetadata().getName();
        try {
            DagInstance instance = engine.deploy(dag, baseDirectory);
            baseDirectories.put(name, baseDirectory);
            return instance;
        } catch (InvalidDagException e) {
            throw invalid(name, e.problems());
        } catch (IllegalStateException e) {
            throw new ApiException(HttpStatus.CONFLICT, "already_exists", e.getMessage());
        }
    }

    /** Starts a deployed DAG; when that fails the DAG is removed again, so nothing is half-applied. */
    private void startOrFail(DagInstance instance) {
        try {
            instance.start();
        } catch (DagStartException e) {
            engine.remove(instance.name());
            baseDirectories.remove(instance.name());
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "start_failed",
                    "DAG '" + instance.name() + "' is valid but failed to start, so it was removed: " + e.getMessage());
        }
    }

    private void requireFreeName(String name) {
        if (!DAG_NAME.matcher(name).matches()) {
            throw invalid(name, List.of(new ValidationProblem("metadata.name", name,
                    "A DAG name must be a Kubernetes name: lowercase letters, digits and '-', at most 63 characters.")));
        }
        if (engine.get(name).isPresent()) {
            throw new ApiException(HttpStatus.CONFLICT, "already_exists",
                    "A DAG named '" + name + "' already exists; delete it first or choose another name.");
        }
    }

    private static void rejectIfInvalid(String name, List<ValidationProblem> problems) {
        if (!problems.isEmpty()) {
            throw invalid(name, problems);
        }
    }

    private static ApiException invalid(String name, List<ValidationProblem> problems) {
        List<ApiError.Problem> listed = problems.stream()
                .map(problem -> new ApiError.Problem(problem.path(), problem.value(), problem.message()))
                .toList();
        String subject = name == null ? "The manifest" : "DAG '" + name + "'";
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid_manifest",
                subject + " has " + problems.size() + (problems.size() == 1 ? " problem. " : " problems. ")
                        + String.join(" ", problems.stream().map(ValidationProblem::toString).toList()), listed);
    }

    private Path baseDirectory(String name) {
        // NOTE: DAGs started by `run` without rememberBaseDirectory fall back to the working
        // directory, so relative file paths in their config may resolve elsewhere after a restart.
        return baseDirectories.getOrDefault(name, Path.of("").toAbsolutePath());
    }

    /** In cluster mode, rejects an action with the kubectl command that does it through the operator. */
    private void rejectInCluster(String action, String name) {
        if (!settings.cluster()) {
            return;
        }
        String dag = name == null ? "NAME" : name;
        String command = switch (action) {
            case "suspend" -> "kubectl patch dag " + dag + " --type merge -p '{\"spec\":{\"suspend\":true}}'";
            case "resume" -> "kubectl patch dag " + dag + " --type merge -p '{\"spec\":{\"suspend\":false}}'";
            case "stop" -> "kubectl patch dag " + dag + " --type merge -p '{\"spec\":{\"runtime\":{\"replicas\":0}}}'";
            case "start" -> "kubectl patch dag " + dag + " --type merge -p '{\"spec\":{\"suspend\":false,\"runtime\":{\"replicas\":1}}}'";
            case "add" -> "kubectl apply -f dag.yaml";
            case "delete" -> "kubectl delete dag " + dag;
            case "clone" -> "kubectl get dag " + dag + " -o yaml > clone.yaml, change metadata.name, then kubectl apply -f clone.yaml";
            default -> "kubectl edit dag " + dag;
        };
        throw new ApiException(HttpStatus.CONFLICT, "managed_by_operator",
                "In a cluster the operator manages DAG lifecycles, so '" + action + "' is not available here; use: " + command);
    }
}
