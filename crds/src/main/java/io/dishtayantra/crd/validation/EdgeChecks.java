package io.dishtayantra.crd.validation;

import io.dishtayantra.crd.graph.DagGraph;
import io.dishtayantra.crd.v1alpha1.DagSpec;
import io.dishtayantra.crd.v1alpha1.EdgeSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the edges and the shape of the graph: edge ends and transformers, self-loops,
 * duplicates, {@code as} keys, which node types take edges, unreachable nodes and cycles.
 * One instance per validation run; not thread-safe.
 */
final class EdgeChecks {

    private final NodeChecks nodes;
    private final ComponentChecks components;
    private final List<ValidationProblem> problems;

    EdgeChecks(NodeChecks nodes, ComponentChecks components, List<ValidationProblem> problems) {
        this.nodes = nodes;
        this.components = components;
        this.problems = problems;
    }

    void checkEdges(List<EdgeSpec> edges) {
        Map<String, Integer> firstIndexOfPair = new HashMap<>();
        Map<String, Integer> firstIndexOfKey = new HashMap<>();
        for (int i = 0; i < edges.size(); i++) {
            String path = "spec.edges[" + i + "]";
            EdgeSpec edge = edges.get(i);
            if (edge == null) {
                problems.add(new ValidationProblem(path, null, "An edge entry is empty; give it a from and a to node."));
                continue;
            }
            boolean fromKnown = checkEnd(edge.getFrom(), path + ".from", "from");
            boolean toKnown = checkEnd(edge.getTo(), path + ".to", "to");
            if (edge.getTransformer() != null) {
                nodes.checkReference(edge.getTransformer(), path + ".transformer", "transformer",
                        components.transformers.keySet());
            }
            if (!fromKnown || !toKnown) {
                continue;
            }
            String arrow = edge.getFrom() + " → " + edge.getTo();
            if (edge.getFrom().equals(edge.getTo())) {
                problems.add(new ValidationProblem(path, arrow, "An edge cannot lead from a node to itself;"
                        + " remove it, or put a second node in between."));
                continue;
            }
            Integer duplicate = firstIndexOfPair.putIfAbsent(edge.getFrom() + "\u0000" + edge.getTo(), i);
            if (duplicate != null) {
                problems.add(new ValidationProblem(path, arrow, "Duplicate edge, also spec.edges[" + duplicate
                        + "]; a node receives each parent's output once, so remove one."));
            }
            checkAs(edge, path, i, firstIndexOfKey);
            checkEdgeTypes(edge, path);
        }
    }

    private boolean checkEnd(String name, String path, String field) {
        if (name == null || name.isBlank()) {
            problems.add(new ValidationProblem(path, null, "An edge needs '" + field + "': the name of a node"
                    + NodeChecks.available(nodes.nodeTypes.keySet()) + "."));
            return false;
        }
        if (nodes.nodeTypes.containsKey(name)) {
            return true;
        }
        problems.add(new ValidationProblem(path, name, "No node is named '" + name + "'."
                + Suggestions.didYouMean(name, nodes.nodeTypes.keySet())
                + (nodes.nodeTypes.isEmpty() ? " No node is declared."
                        : " Nodes: " + String.join(", ", nodes.nodeTypes.keySet()) + ".")));
        return false;
    }

    private void checkAs(EdgeSpec edge, String path, int index, Map<String, Integer> firstIndexOfKey) {
        if (edge.getAs() == null) {
            return;
        }
        if (edge.getAs().isBlank()) {
            problems.add(new ValidationProblem(path + ".as", edge.getAs(), "'as' is the key the parent's output is"
                    + " nested under in the child's input and cannot be empty; remove it or give a key."));
            return;
        }
        Integer other = firstIndexOfKey.putIfAbsent(edge.getTo() + "\u0000" + edge.getAs(), index);
        if (other != null) {
            problems.add(new ValidationProblem(path + ".as", edge.getAs(), "Two edges into '" + edge.getTo()
                    + "' nest their values under the same key (also spec.edges[" + other + "]), so one would"
                    + " overwrite the other; give each edge a different 'as'."));
        }
    }

    private void checkEdgeTypes(EdgeSpec edge, String path) {
        NodeType fromType = nodes.nodeTypes.get(edge.getFrom());
        NodeType toType = nodes.nodeTypes.get(edge.getTo());
        if (fromType != null && !fromType.takesOutgoingEdges()) {
            problems.add(new ValidationProblem(path + ".from", edge.getFrom(), "'" + edge.getFrom() + "' is a "
                    + fromType + " node, which ends its branch and has no outgoing edges; use a Calculation"
                    + " node to pass events on."));
        }
        if (toType != null && !toType.takesIncomingEdges()) {
            problems.add(new ValidationProblem(path + ".to", edge.getTo(), "'" + edge.getTo() + "' is a "
                    + toType + " node, which takes events from its subscriber only, so it has no incoming edges;"
                    + " point the edge at another node."));
        }
    }

    /** Rotates a cycle such as [b, c, a, b] to start at the node listed first in the manifest: [a, b, c, a]. */
    private static List<String> startAtFirstListed(List<String> cycle, List<String> manifestOrder) {
        List<String> loop = cycle.subList(0, cycle.size() - 1);
        int start = 0;
        for (int i = 1; i < loop.size(); i++) {
            if (manifestOrder.indexOf(loop.get(i)) < manifestOrder.indexOf(loop.get(start))) {
                start = i;
            }
        }
        List<String> rotated = new ArrayList<>(loop.subList(start, loop.size()));
        rotated.addAll(loop.subList(0, start));
        rotated.add(rotated.get(0));
        return rotated;
    }

    /** Reports a cycle as its path, and nodes that can never receive an event. */
    void checkGraph(DagSpec spec) {
        DagGraph graph = DagGraph.of(spec);
        graph.cycle().ifPresent(cycle -> problems.add(new ValidationProblem("spec.edges",
                String.join(" → ", startAtFirstListed(cycle, graph.nodes())),
                "The edges form a cycle; remove one of these edges so that the graph is acyclic.")));

        Set<String> withParents = new HashSet<>();
        for (String node : graph.nodes()) {
            if (!graph.parents(node).isEmpty()) {
                withParents.add(node);
            }
        }
        Map<String, Integer> indexes = new LinkedHashMap<>();
        for (int i = 0; i < spec.getNodes().size(); i++) {
            if (spec.getNodes().get(i) != null && spec.getNodes().get(i).getName() != null) {
                indexes.putIfAbsent(spec.getNodes().get(i).getName(), i);
            }
        }
        nodes.nodeTypes.forEach((name, type) -> {
            if (type != null && type.needsIncomingEdges() && !withParents.contains(name)) {
                problems.add(new ValidationProblem("spec.nodes[" + indexes.get(name) + "]", name, "The " + type
                        + " node has no incoming edge, so it never receives an event; add an edge from a"
                        + " Subscription or Metronome node, or remove the node."));
            }
        });
    }
}
