package io.dishtayantra.crd.validation;

import io.dishtayantra.crd.manifest.ManifestDocument;
import io.dishtayantra.crd.time.Durations;
import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.v1alpha1.DagSpec;
import io.dishtayantra.crd.v1alpha1.LeaderElectionSpec;
import io.dishtayantra.crd.v1alpha1.RuntimeSpec;
import io.dishtayantra.crd.v1alpha1.SubscriberSpec;
import io.dishtayantra.crd.v1alpha1.TimeWindow;
import io.dishtayantra.crd.window.DagWindows;
import io.dishtayantra.crd.window.WindowSchedule;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Validates a DAG manifest and reports every problem at once, each with its path, the value as
 * written and what to do. The runtime's {@code validate} and {@code run} commands and the
 * operator use the same rules; a DAG with problems never starts.
 *
 * <p>Rules on node types live in {@link NodeType}; rules on names in {@link ResourceNames};
 * config rules of each calculator type and URI scheme come from the {@link ComponentCatalog}.
 *
 * <p>Thread-safe when the catalog is: each call keeps its state on the stack.
 */
public final class DagValidator {

    private final ComponentCatalog catalog;

    public DagValidator(ComponentCatalog catalog) {
        this.catalog = catalog;
    }

    /** Validates a DAG built in code or already parsed. */
    public ValidationReport validate(Dag dag) {
        return validate(dag, List.of());
    }

    /**
     * Validates a DAG and puts the problems found while parsing it (unknown fields, wrong value
     * types) first in the report.
     */
    public ValidationReport validate(Dag dag, List<ValidationProblem> parseProblems) {
        List<ValidationProblem> problems = new ArrayList<>(parseProblems);
        String name = dag.getMetadata() == null ? null : dag.getMetadata().getName();
        checkMetadata(dag.getMetadata(), problems);

        DagSpec spec = dag.getSpec();
        if (spec == null) {
            problems.add(new ValidationProblem("spec", null, "The DAG has no spec; add subscribers, nodes and edges"
                    + " under spec."));
            return new ValidationReport(name, problems);
        }
        ListLimits.check(spec, "spec", problems);
        ComponentChecks components = new ComponentChecks(catalog, problems);
        components.checkSubscribers(spec.getSubscribers());
        components.checkPublishers(spec.getPublishers());
        components.checkCalculators(spec.getCalculators());
        components.checkTransformers(spec.getTransformers());

        NodeChecks nodes = new NodeChecks(components, problems);
        nodes.checkNodes(spec.getNodes());

        EdgeChecks edges = new EdgeChecks(nodes, components, problems);
        edges.checkEdges(spec.getEdges());
        edges.checkGraph(spec);

        components.checkUnused(spec, nodes.unresolvedKinds);
        checkDeadLetter(spec.getDeadLetter(), components, nodes);
        checkTimeWindow(spec, problems);
        checkRuntime(spec.getRuntime(), components, problems);
        return new ValidationReport(name, problems);
    }

    /**
     * Validates one parsed document. A document that could not be read, or that is not a DAG,
     * yields its parse problems only.
     */
    public ValidationReport validate(ManifestDocument document) {
        HasMetadata resource = document.resource();
        if (resource instanceof Dag dag) {
            return validate(dag, document.problems());
        }
        String name = resource == null || resource.getMetadata() == null ? null : resource.getMetadata().getName();
        List<ValidationProblem> problems = new ArrayList<>(document.problems());
        if (resource instanceof TimeWindow window) {
            checkTimeWindowResource(window, problems);
        }
        return new ValidationReport(name, problems);
    }

    private static void checkMetadata(ObjectMeta metadata, List<ValidationProblem> problems) {
        String name = metadata == null ? null : metadata.getName();
        if (name == null || name.isBlank()) {
            problems.add(new ValidationProblem("metadata.name", null, "The DAG needs a name: lowercase letters,"
                    + " digits and '-', at most " + ResourceNames.MAX_DAG_NAME_LENGTH + " characters, such as"
                    + " trade-enrichment."));
        } else {
            ResourceNames.checkDagName(name).ifPresent(message ->
                    problems.add(new ValidationProblem("metadata.name", name, message)));
        }
        if (metadata != null && metadata.getNamespace() != null) {
            ResourceNames.checkNamespace(metadata.getNamespace()).ifPresent(message ->
                    problems.add(new ValidationProblem("metadata.namespace", metadata.getNamespace(), message)));
        }
    }

    private void checkDeadLetter(String deadLetter, ComponentChecks components, NodeChecks nodes) {
        if (deadLetter != null) {
            nodes.checkReference(deadLetter, "spec.deadLetter", "publisher", components.publisherSchemes.keySet());
        }
    }

    private static void checkTimeWindow(DagSpec spec, List<ValidationProblem> problems) {
        if (spec.getTimeWindow() != null && spec.getTimeWindowRef() != null) {
            problems.add(new ValidationProblem("spec.timeWindow", null, "Both timeWindow and timeWindowRef ("
                    + spec.getTimeWindowRef() + ") are set; keep one: timeWindowRef to share a TimeWindow"
                    + " resource, timeWindow to embed the window in the DAG."));
        }
        if (spec.getTimeWindowRef() != null) {
            ResourceNames.checkObjectName(spec.getTimeWindowRef()).ifPresent(message ->
                    problems.add(new ValidationProblem("spec.timeWindowRef", spec.getTimeWindowRef(), message)));
        }
        problems.addAll(DagWindows.validate(spec));
    }

    private static void checkTimeWindowResource(TimeWindow window, List<ValidationProblem> problems) {
        String name = window.getMetadata() == null ? null : window.getMetadata().getName();
        if (name == null || name.isBlank()) {
            problems.add(new ValidationProblem("metadata.name", null, "The TimeWindow needs a name, such as"
                    + " london-trading-hours."));
        } else {
            ResourceNames.checkObjectName(name).ifPresent(message ->
                    problems.add(new ValidationProblem("metadata.name", name, message)));
        }
        if (window.getSpec() == null) {
            problems.add(new ValidationProblem("spec", null, "The TimeWindow has no spec; set timeZone and start."));
        } else {
            problems.addAll(WindowSchedule.validate(window.getSpec(), "spec"));
        }
    }

    private void checkRuntime(RuntimeSpec runtime, ComponentChecks components, List<ValidationProblem> problems) {
        if (runtime == null) {
            return;
        }
        if (runtime.getReplicas() != null && runtime.getReplicas() < 1) {
            problems.add(new ValidationProblem("spec.runtime.replicas", runtime.getReplicas().toString(),
                    "replicas must be at least 1: one active pod plus standbys."));
        }
        Integer parallelism = runtime.getParallelism();
        if (parallelism != null && parallelism < 1) {
            problems.add(new ValidationProblem("spec.runtime.parallelism", parallelism.toString(),
                    "parallelism must be at least 1."));
        }
        if (parallelism != null && parallelism > 1) {
            for (Map.Entry<String, String> subscriber : components.subscriberSchemes.entrySet()) {
                SubscriberSpec spec = components.subscriberSpecs.get(subscriber.getKey());
                if (subscriber.getValue() != null && !catalog.shareable(spec)) {
                    problems.add(new ValidationProblem("spec.runtime.parallelism", parallelism.toString(),
                            "Subscriber '" + subscriber.getKey() + "' (" + spec.getUri() + ") cannot be shared by"
                                    + " several active instances, so each instance would read its own copy of the"
                                    + " input. Set parallelism to 1, or read from a source that splits its events"
                                    + " between consumers, such as a Kafka topic, a RabbitMQ queue or a Redis"
                                    + " stream or list."));
                }
            }
        }
        checkLeaderElection(runtime.getLeaderElection(), problems);
    }

    /** Checks the Lease timings and that leaseDuration &gt; renewDeadline &gt; retryPeriod, as Kubernetes requires. */
    private static void checkLeaderElection(LeaderElectionSpec election, List<ValidationProblem> problems) {
        if (election == null) {
            return;
        }
        String path = "spec.runtime.leaderElection";
        Duration lease = duration(election.getLeaseDuration(), "15s", path + ".leaseDuration", problems);
        Duration renew = duration(election.getRenewDeadline(), "10s", path + ".renewDeadline", problems);
        Duration retry = duration(election.getRetryPeriod(), "2s", path + ".retryPeriod", problems);
        if (lease != null && renew != null && lease.compareTo(renew) <= 0) {
            problems.add(new ValidationProblem(path + ".renewDeadline", Durations.format(renew),
                    "renewDeadline must be shorter than leaseDuration (" + Durations.format(lease) + ")."));
        }
        if (renew != null && retry != null && renew.compareTo(retry) <= 0) {
            problems.add(new ValidationProblem(path + ".retryPeriod", Durations.format(retry),
                    "retryPeriod must be shorter than renewDeadline (" + Durations.format(renew) + ")."));
        }
    }

    private static Duration duration(String text, String defaultValue, String path, List<ValidationProblem> problems) {
        String value = text == null ? defaultValue : text;
        if (!Durations.isValid(value)) {
            problems.add(new ValidationProblem(path, value, "Invalid duration; write a number and a unit such as"
                    + " 500ms, 10s, 2m or 1h30m, at most " + Durations.MAX_TEXT + "."));
            return null;
        }
        Duration parsed = Durations.parse(value);
        if (parsed.isZero()) {
            problems.add(new ValidationProblem(path, value, "The duration must be greater than zero."));
            return null;
        }
        return parsed;
    }
}
