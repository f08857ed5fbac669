package io.dishtayantra.runtime.engine;

import io.dishtayantra.crd.graph.DagGraph;
import io.dishtayantra.crd.time.Durations;
import io.dishtayantra.crd.v1alpha1.ComponentSpec;
import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.v1alpha1.DagSpec;
import io.dishtayantra.crd.v1alpha1.EdgeSpec;
import io.dishtayantra.crd.v1alpha1.NodeSpec;
import io.dishtayantra.crd.v1alpha1.PublisherSpec;
import io.dishtayantra.crd.v1alpha1.SubscriberSpec;
import io.dishtayantra.crd.validation.ValidationProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The structural checks the engine relies on before it builds a DAG: names present and unique,
 * every reference resolvable, node types and intervals valid, no cycle. The full validation
 * (component config, URIs, fields a node type does not take) is the validator's job; this is the
 * engine's own guard, so that a DAG that reaches {@link DagAssembler} can be built.
 */
final class DagStructure {

    private DagStructure() {
    }

    static List<ValidationProblem> check(Dag dag) {
        List<ValidationProblem> problems = new ArrayList<>();
        if (dag.getMetadata() == null || dag.getMetadata().getName() == null || dag.getMetadata().getName().isBlank()) {
            problems.add(new ValidationProblem("metadata.name", null, "Missing; give the DAG a name."));
        }

        DagSpec spec = dag.getSpec();
        if (spec == null) {
            problems.add(new ValidationProblem("spec", null, "Missing; a DAG needs a spec with nodes."));
            return problems;
        }

        Set<String> subscribers = names(spec.getSubscribers(), SubscriberSpec::getName, "spec.subscribers", problems);
        Set<String> publishers = names(spec.getPublishers(), PublisherSpec::getName, "spec.publishers", problems);
        Set<String> calculators = names(spec.getCalculators(), ComponentSpec::getName, "spec.calculators", problems);
        Set<String> transformers = names(spec.getTransformers(), ComponentSpec::getName, "spec.transformers", problems);
        Set<String> nodes = names(spec.getNodes(), NodeSpec::getName, "spec.nodes", problems);
        if (spec.getNodes().isEmpty()) {
            problems.add(new ValidationProblem("spec.nodes", null, "Missing; a DAG needs at least one node."));
        }

        Map<String, String> subscriberUsers = new HashMap<>();
        for (int i = 0; i < spec.getNodes().size(); i++) {
            checkNode(spec.getNodes().get(i), "spec.nodes[" + i + "]", subscribers, publishers, calculators, transformers,
                    subscriberUsers, problems);
        }

        for (int i = 0; i < spec.getEdges().size(); i++) {
            EdgeSpec edge = spec.getEdges().get(i);
            String path = "spec.edges[" + i + "]";
            reference(edge.getFrom(), nodes, path + ".from", "node", true, problems);
            reference(edge.getTo(), nodes, path + ".to", "node", true, problems);
            reference(edge.getTransformer(), transformers, path + ".transformer", "transformer", false, problems);
        }

        reference(spec.getDeadLetter(), publishers, "spec.deadLetter", "publisher", false, problems);
        DagGraph.of(spec).cycle().ifPresent(cycle -> problems.add(new ValidationProblem("spec.edges", null,
                "The edges form a cycle " + String.join(" → ", cycle) + "; remove one of its edges.")));
        return problems;
    }

    private static void checkNode(NodeSpec node, String path, Set<String> subscribers, Set<String> publishers,
            Set<String> calculators, Set<String> transformers, Map<String, String> subscriberUsers,
            List<ValidationProblem> problems) {
        NodeType type = NodeType.fromManifest(node.getType());
        if (type == null) {
            problems.add(new ValidationProblem(path + ".type", node.getType(),
                    "Unknown node type; use Subscription, Calculation, Transform, Publication, Metronome or Sink."));
        }
        if (type == NodeType.SUBSCRIPTION) {
            reference(node.getSubscriber(), subscribers, path + ".subscriber", "subscriber", true, problems);
            String earlier = node.getSubscriber() == null ? null : subscriberUsers.putIfAbsent(node.getSubscriber(), node.getName());
            if (earlier != null) {
                problems.add(new ValidationProblem(path + ".subscriber", node.getSubscriber(),
                        "Subscriber already feeds node " + earlier + "; declare a second subscriber."));
            }
        }
        if (type == NodeType.TRANSFORM) {
            reference(node.getTransformer(), transformers, path + ".transformer", "transformer", true, problems);
        }
        if (type == NodeType.METRONOME) {
            if (node.getInterval() == null) {
                problems.add(new ValidationProblem(path + ".interval", null, "Missing; set it to a duration such as 1s."));
            } else if (!Durations.isValid(node.getInterval()) || Durations.parse(node.getInterval()).isZero()) {
                problems.add(new ValidationProblem(path + ".interval", node.getInterval(),
                        "Expected a duration longer than zero, such as 500ms, 1s or 1m."));
            }
        }
        reference(node.getCalculator(), calculators, path + ".calculator", "calculator", false, problems);
        for (int i = 0; i < node.getInputTransformers().size(); i++) {
            reference(node.getInputTransformers().get(i), transformers, path + ".inputTransformers[" + i + "]",
                    "transformer", true, problems);
        }
        for (int i = 0; i < node.getOutputTransformers().size(); i++) {
            reference(node.getOutputTransformers().get(i), transformers, path + ".outputTransformers[" + i + "]",
                    "transformer", true, problems);
        }
        for (int i = 0; i < node.getPublishers().size(); i++) {
            reference(node.getPublishers().get(i), publishers, path + ".publishers[" + i + "]", "publisher", true, problems);
        }
    }

    private static <T> Set<String> names(List<T> items, Function<T, String> name, String path, List<ValidationProblem> problems) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String value = items.get(i) == null ? null : name.apply(items.get(i));
            if (value == null || value.isBlank()) {
                problems.add(new ValidationProblem(path + "[" + i + "].name", null, "Missing; every entry needs a name."));
            } else if (!names.add(value)) {
                problems.add(new ValidationProblem(path + "[" + i + "].name", value, "Duplicate name; names must be unique."));
            }
        }
        return names;
    }

    private static void reference(String name, Set<String> known, String path, String what, boolean required,
            List<ValidationProblem> problems) {
        if (name == null) {
            if (required) {
                problems.add(new ValidationProblem(path, null, "Missing; name a " + what + "."));
            }
            return;
        }
        if (!known.contains(name)) {
            problems.add(new ValidationProblem(path, name, "No " + what + " has this name; declare it or fix the reference."));
        }
    }
}
