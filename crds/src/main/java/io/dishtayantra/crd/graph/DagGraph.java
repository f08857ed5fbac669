package io.dishtayantra.crd.graph;

import io.dishtayantra.crd.v1alpha1.DagSpec;
import io.dishtayantra.crd.v1alpha1.EdgeSpec;
import io.dishtayantra.crd.v1alpha1.NodeSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The node graph of a DAG spec: parents, children, a topological order and, when there is one,
 * a cycle. Edges whose ends name no node are ignored here; validation reports them.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class DagGraph {

    private final List<String> nodes;
    private final Map<String, List<String>> children;
    private final Map<String, List<String>> parents;
    private final List<String> topologicalOrder;
    private final List<String> cycle;

    private DagGraph(List<String> nodes, Map<String, List<String>> children, Map<String, List<String>> parents) {
        this.nodes = List.copyOf(nodes);
        this.children = freeze(children);
        this.parents = freeze(parents);
        this.topologicalOrder = sortTopologically();
        this.cycle = topologicalOrder.size() == nodes.size() ? List.of() : findCycle();
    }

    /** Builds the graph of the spec's nodes and edges, in the order the manifest lists them. */
    public static DagGraph of(DagSpec spec) {
        Set<String> names = new LinkedHashSet<>();
        for (NodeSpec node : spec.getNodes()) {
            if (node != null && node.getName() != null) {
                names.add(node.getName());
            }
        }
        Map<String, List<String>> children = new LinkedHashMap<>();
        Map<String, List<String>> parents = new LinkedHashMap<>();
        for (String name : names) {
            children.put(name, new ArrayList<>());
            parents.put(name, new ArrayList<>());
        }
        for (EdgeSpec edge : spec.getEdges()) {
            if (edge == null || !names.contains(edge.getFrom()) || !names.contains(edge.getTo())) {
                continue;
            }
            children.get(edge.getFrom()).add(edge.getTo());
            parents.get(edge.getTo()).add(edge.getFrom());
        }
        return new DagGraph(new ArrayList<>(names), children, parents);
    }

    public List<String> nodes() {
        return nodes;
    }

    public List<String> children(String node) {
        return children.getOrDefault(node, List.of());
    }

    public List<String> parents(String node) {
        return parents.getOrDefault(node, List.of());
    }

    /**
     * Returns the nodes in a topological order found with Kahn's algorithm, ties broken by
     * manifest order; when the graph has a cycle, only the nodes outside it and not after it.
     */
    public List<String> topologicalOrder() {
        return topologicalOrder;
    }

    /** Returns one cycle as a path whose last node equals its first, such as [a, b, c, a]. */
    public Optional<List<String>> cycle() {
        return cycle.isEmpty() ? Optional.empty() : Optional.of(cycle);
    }

    private List<String> sortTopologically() {
        Map<String, Integer> inDegree = new LinkedHashMap<>();
        for (String node : nodes) {
            inDegree.put(node, parents.get(node).size());
        }
        Deque<String> ready = new ArrayDeque<>();
        for (String node : nodes) {
            if (inDegree.get(node) == 0) {
                ready.add(node);
            }
        }
        List<String> order = new ArrayList<>(nodes.size());
        while (!ready.isEmpty()) {
            String node = ready.poll();
            order.add(node);
            for (String child : children.get(node)) {
                if (inDegree.merge(child, -1, Integer::sum) == 0) {
                    ready.add(child);
                }
            }
        }
        return List.copyOf(order);
    }

    /** Walks the nodes Kahn's algorithm could not place until a node repeats. */
    private List<String> findCycle() {
        Set<String> placed = new LinkedHashSet<>(topologicalOrder);
        String start = nodes.stream().filter(n -> !placed.contains(n)).findFirst().orElseThrow();
        // Every unplaced node has an unplaced parent, so walking parents must revisit a node.
        List<String> path = new ArrayList<>();
        Map<String, Integer> seenAt = new LinkedHashMap<>();
        String current = start;
        while (!seenAt.containsKey(current)) {
            seenAt.put(current, path.size());
            path.add(current);
            current = parents.get(current).stream().filter(p -> !placed.contains(p)).findFirst().orElseThrow();
        }
        List<String> loop = new ArrayList<>(path.subList(seenAt.get(current), path.size()));
        Collections.reverse(loop);
        loop.add(loop.get(0));
        return List.copyOf(loop);
    }

    private static Map<String, List<String>> freeze(Map<String, List<String>> map) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(key, List.copyOf(value)));
        return Collections.unmodifiableMap(copy);
    }
}
