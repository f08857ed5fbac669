package io.dishtayantra.operator.reconciler;

import io.dishtayantra.crd.graph.DagGraph;
import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.v1alpha1.EdgeSpec;
import io.dishtayantra.crd.v1alpha1.NodeSpec;
import io.dishtayantra.crd.validation.ValidationProblem;
import io.dishtayantra.crd.validation.ValidationReport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Structural checks only: at least one node, edges between existing nodes, no cycle.
 *
 * <p>TODO: replace with the runtime's full validator (DagValidator over the runtime's component
 * catalog) once it is in this build, so the operator rejects exactly what the engine rejects.
 */
public final class GraphSpecValidation implements SpecValidation {

    @Override
    public ValidationReport validate(Dag dag) {
        List<ValidationProblem> problems = new ArrayList<>();
        List<NodeSpec> nodes = dag.getSpec() == null ? List.of() : dag.getSpec().getNodes();
        if (nodes.isEmpty()) {
            problems.add(new ValidationProblem("spec.nodes", null, "A DAG needs at least one node."));
        }
        Set<String> names = new HashSet<>();
        nodes.forEach(node -> names.add(node.getName()));
        List<EdgeSpec> edges = dag.getSpec() == null ? List.of() : dag.getSpec().getEdges();
        for (int i = 0; i < edges.size(); i++) {
            EdgeSpec edge = edges.get(i);
            if (!names.contains(edge.getFrom())) {
                problems.add(new ValidationProblem("spec.edges[" + i + "].from", edge.getFrom(),
                        "No node has this name; use one of spec.nodes[].name."));
            }
            if (!names.contains(edge.getTo())) {
                problems.add(new ValidationProblem("spec.edges[" + i + "].to", edge.getTo(),
                        "No node has this name; use one of spec.nodes[].name."));
            }
        }
        if (dag.getSpec() != null) {
            DagGraph.of(dag.getSpec()).cycle().ifPresent(cycle -> problems.add(new ValidationProblem(
                    "spec.edges", String.join(" -> ", cycle), "The edges form a cycle; remove one of them.")));
        }
        return new ValidationReport(dag.getMetadata().getName(), problems);
    }
}
