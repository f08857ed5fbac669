package io.dishtayantra.bench.engine;

import io.dishtayantra.crd.v1alpha1.ComponentSpec;
import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.v1alpha1.DagSpec;
import io.dishtayantra.crd.v1alpha1.EdgeSpec;
import io.dishtayantra.crd.v1alpha1.NodeSpec;
import io.dishtayantra.crd.v1alpha1.PublisherSpec;
import io.dishtayantra.crd.v1alpha1.SubscriberSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Map;

/** The DAGs the in-memory engine cases run, built in code so their shape is easy to vary. */
final class BenchDags {

    private BenchDags() {
    }

    /**
     * mem://queue/IN -> ApplyDefaults -> AttributeNameChange -> AttributeFilterAway -> mem://queue/OUT,
     * one node per step as the original's five-node chain had.
     */
    static Dag chain(String name, String input, String output) {
        DagSpec spec = frame(input, output);
        spec.getCalculators().add(new ComponentSpec("defaults", "ApplyDefaults",
                Map.of("defaults", Map.of("trader", "unassigned", "ccy", "GBP"))));
        spec.getCalculators().add(new ComponentSpec("rename", "AttributeNameChange",
                Map.of("nameMapping", Map.of("sym", "symbol", "qty", "quantity", "px", "price"))));
        spec.getCalculators().add(new ComponentSpec("drop", "AttributeFilterAway",
                Map.of("filterAttributes", List.of("account", "book"))));

        spec.getNodes().add(node("ingest", "Subscription", n -> n.setSubscriber("in")));
        spec.getNodes().add(node("apply-defaults", "Calculation", n -> n.setCalculator("defaults")));
        spec.getNodes().add(node("rename-fields", "Calculation", n -> n.setCalculator("rename")));
        spec.getNodes().add(node("drop-fields", "Calculation", n -> n.setCalculator("drop")));
        spec.getNodes().add(node("emit", "Publication", n -> n.setPublishers(List.of("out"))));
        spec.getEdges().add(new EdgeSpec("ingest", "apply-defaults"));
        spec.getEdges().add(new EdgeSpec("apply-defaults", "rename-fields"));
        spec.getEdges().add(new EdgeSpec("rename-fields", "drop-fields"));
        spec.getEdges().add(new EdgeSpec("drop-fields", "emit"));
        return dag(name, spec);
    }

    /**
     * A 50-node DAG: the subscription fans out to 8 branches of 5 calculation nodes each, the
     * branches join pairwise in 4 fan-in nodes (each branch nested under its own key), those join in
     * 2, then 1, and a transform and a publication follow: 1 + 40 + 4 + 2 + 1 + 1 + 1 = 50 nodes.
     */
    static Dag wide(String name, String input, String output) {
        DagSpec spec = frame(input, output);
        spec.getCalculators().add(new ComponentSpec("defaults", "ApplyDefaults",
                Map.of("defaults", Map.of("trader", "unassigned"))));
        spec.getCalculators().add(new ComponentSpec("pass", "Passthru", Map.of()));
        spec.getTransformers().add(new ComponentSpec("drop", "AttributeFilterAway",
                Map.of("filterAttributes", List.of("b0"))));

        spec.getNodes().add(node("ingest", "Subscription", n -> n.setSubscriber("in")));
        String[] joinInputs = new String[8];
        for (int branch = 0; branch < 8; branch++) {
            String previous = "ingest";
            for (int step = 0; step < 5; step++) {
                String nodeName = "b" + branch + "-s" + step;
                String calculator = step == 0 ? "defaults" : "pass";
                spec.getNodes().add(node(nodeName, "Calculation", n -> n.setCalculator(calculator)));
                spec.getEdges().add(new EdgeSpec(previous, nodeName));
                previous = nodeName;
            }
            joinInputs[branch] = previous;
        }
        String[] level = joinInputs;
        int depth = 0;
        while (level.length > 1) {
            String[] next = new String[level.length / 2];
            for (int i = 0; i < next.length; i++) {
                String join = "join" + depth + "-" + i;
                spec.getNodes().add(node(join, "Calculation", n -> { }));
                spec.getEdges().add(nested(level[2 * i], join, "b" + (2 * i)));
                spec.getEdges().add(nested(level[2 * i + 1], join, "b" + (2 * i + 1)));
                next[i] = join;
            }
            level = next;
            depth++;
        }
        spec.getNodes().add(node("trim", "Transform", n -> n.setTransformer("drop")));
        spec.getNodes().add(node("emit", "Publication", n -> n.setPublishers(List.of("out"))));
        spec.getEdges().add(new EdgeSpec(level[0], "trim"));
        spec.getEdges().add(new EdgeSpec("trim", "emit"));
        return dag(name, spec);
    }

    private static EdgeSpec nested(String from, String to, String as) {
        EdgeSpec edge = new EdgeSpec(from, to);
        edge.setAs(as);
        return edge;
    }

    private static DagSpec frame(String input, String output) {
        DagSpec spec = new DagSpec();
        SubscriberSpec in = new SubscriberSpec();
        in.setName("in");
        in.setUri("mem://queue/" + input);
        in.setMaxDepth(16_384);
        spec.getSubscribers().add(in);
        PublisherSpec out = new PublisherSpec();
        out.setName("out");
        out.setUri("mem://queue/" + output);
        out.setConfig(Map.of("capacity", 16_384));
        spec.getPublishers().add(out);
        return spec;
    }

    private static NodeSpec node(String name, String type, java.util.function.Consumer<NodeSpec> fields) {
        NodeSpec node = new NodeSpec();
        node.setName(name);
        node.setType(type);
        fields.accept(node);
        return node;
    }

    private static Dag dag(String name, DagSpec spec) {
        Dag dag = new Dag();
        dag.setMetadata(new ObjectMetaBuilder().withName(name).build());
        dag.setSpec(spec);
        return dag;
    }
}
