package io.dishtayantra.runtime.cli;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.v1alpha1.DagSpec;
import io.dishtayantra.crd.v1alpha1.EdgeSpec;
import io.dishtayantra.crd.v1alpha1.NodeSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws a DAG's nodes and edges as Mermaid or Graphviz DOT text. Each node shows its name, its
 * type and what it uses; each edge shows its {@code as} key and transformer. Entries without a
 * name are left out. Stateless and thread-safe.
 */
final class DagDiagram {

    private DagDiagram() {
    }

    /** Returns a Mermaid flowchart, left to right. */
    static String mermaid(Dag dag) {
        DagSpec spec = dag.getSpec();
        Map<String, String> ids = ids(spec);
        StringBuilder text = new StringBuilder("flowchart LR\n");
        for (NodeSpec node : spec.getNodes()) {
            if (node == null || node.getName() == null) {
                continue;
            }
            String label = mermaidText(String.join("<br/>", labelLines(node)));
            String[] shape = mermaidShape(node.getType());
            text.append("  ").append(ids.get(node.getName())).append(shape[0]).append('"').append(label).append('"')
                    .append(shape[1]).append('\n');
        }
        for (EdgeSpec edge : spec.getEdges()) {
            if (edge == null || !ids.containsKey(edge.getFrom()) || !ids.containsKey(edge.getTo())) {
                continue;
            }
            String label = edgeLabel(edge);
            text.append("  ").append(ids.get(edge.getFrom()))
                    .append(label.isEmpty() ? " --> " : " -->|\"" + mermaidText(label) + "\"| ")
                    .append(ids.get(edge.getTo())).append('\n');
        }
        return text.toString();
    }

    /** Returns a Graphviz digraph named after the DAG, left to right. */
    static String dot(Dag dag) {
        DagSpec spec = dag.getSpec();
        String name = dag.getMetadata() == null || dag.getMetadata().getName() == null ? "dag" : dag.getMetadata().getName();
        StringBuilder text = new StringBuilder("digraph ").append(dotQuote(name)).append(" {\n");
        text.append("  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n");
        for (NodeSpec node : spec.getNodes()) {
            if (node == null || node.getName() == null) {
                continue;
            }
            text.append("  ").append(dotQuote(node.getName())).append(" [label=")
                    .append(dotQuote(String.join("\n", labelLines(node)))).append(", shape=")
                    .append(dotShape(node.getType())).append("];\n");
        }
        for (EdgeSpec edge : spec.getEdges()) {
            if (edge == null || edge.getFrom() == null || edge.getTo() == null) {
                continue;
            }
            String label = edgeLabel(edge);
            text.append("  ").append(dotQuote(edge.getFrom())).append(" -> ").append(dotQuote(edge.getTo()))
                    .append(label.isEmpty() ? "" : " [label=" + dotQuote(label) + "]").append(";\n");
        }
        return text.append("}\n").toString();
    }

    private static List<String> labelLines(NodeSpec node) {
        List<String> lines = new ArrayList<>();
        lines.add(node.getName());
        lines.add(node.getType() == null ? "(no type)" : node.getType());
        if (node.getSubscriber() != null) {
            lines.add("subscriber: " + node.getSubscriber());
        }
        if (node.getInterval() != null) {
            lines.add("every " + node.getInterval());
        }
        if (!node.getInputTransformers().isEmpty()) {
            lines.add("in: " + String.join(", ", node.getInputTransformers()));
        }
        if (node.getCalculator() != null) {
            lines.add("calculator: " + node.getCalculator());
        }
        if (node.getTransformer() != null) {
            lines.add("transformer: " + node.getTransformer());
        }
        if (!node.getOutputTransformers().isEmpty()) {
            lines.add("out: " + String.join(", ", node.getOutputTransformers()));
        }
        if (!node.getPublishers().isEmpty()) {
            lines.add("publishers: " + String.join(", ", node.getPublishers()));
        }
        return lines;
    }

    private static String edgeLabel(EdgeSpec edge) {
        List<String> parts = new ArrayList<>();
        if (edge.getAs() != null) {
            parts.add("as " + edge.getAs());
        }
        if (edge.getTransformer() != null) {
            parts.add("via " + edge.getTransformer());
        }
        return String.join(", ", parts);
    }

    /** Mermaid ids must be plain words, so each node gets n0, n1, ... in manifest order. */
    private static Map<String, String> ids(DagSpec spec) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (NodeSpec node : spec.getNodes()) {
            if (node != null && node.getName() != null && !ids.containsKey(node.getName())) {
                ids.put(node.getName(), "n" + ids.size());
            }
        }
        return ids;
    }

    private static String[] mermaidShape(String type) {
        return switch (type == null ? "" : type) {
            case "Subscription", "Metronome" -> new String[] {"([", "])"};
            case "Publication" -> new String[] {"[[", "]]"};
            case "Transform" -> new String[] {"[/", "/]"};
            case "Sink" -> new String[] {"[(", ")]"};
            default -> new String[] {"[", "]"};
        };
    }

    private static String dotShape(String type) {
        return switch (type == null ? "" : type) {
            case "Subscription", "Metronome" -> "oval";
            case "Publication" -> "box3d";
            case "Transform" -> "parallelogram";
            case "Sink" -> "cylinder";
            default -> "box";
        };
    }

    /** Escapes text for a quoted Mermaid label, where a double quote is written #quot;. */
    private static String mermaidText(String text) {
        return text.replace("\"", "#quot;");
    }

    private static String dotQuote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
