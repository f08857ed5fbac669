package io.dishtayantra.runtime.cli;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.v1alpha1.DagSpec;
import io.dishtayantra.crd.validation.ComponentCatalog;
import io.dishtayantra.crd.validation.ValidationProblem;
import io.dishtayantra.runtime.engine.Engine;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks {@code run} makes before starting a DAG: the engine's structural checks plus the
 * catalog's checks of every calculator, transformer, subscriber and publisher.
 */
final class ManifestCheck {

    private ManifestCheck() {
    }

    // TODO: delegate to io.dishtayantra.crd.validation.DagValidator once it is in this branch; it
    // also reports fields a node type does not take and unused components.
    static List<ValidationProblem> problems(Dag dag, ComponentCatalog catalog) {
        List<ValidationProblem> problems = new ArrayList<>(Engine.checkStructure(dag));
        DagSpec spec = dag.getSpec();
        if (spec == null) {
            return problems;
        }
        for (int i = 0; i < spec.getCalculators().size(); i++) {
            problems.addAll(catalog.checkCalculator(spec.getCalculators().get(i), "spec.calculators[" + i + "]"));
        }
        for (int i = 0; i < spec.getTransformers().size(); i++) {
            problems.addAll(catalog.checkTransformer(spec.getTransformers().get(i), "spec.transformers[" + i + "]"));
        }
        for (int i = 0; i < spec.getSubscribers().size(); i++) {
            problems.addAll(catalog.checkSubscriber(spec.getSubscribers().get(i), "spec.subscribers[" + i + "]"));
        }
        for (int i = 0; i < spec.getPublishers().size(); i++) {
            problems.addAll(catalog.checkPublisher(spec.getPublishers().get(i), "spec.publishers[" + i + "]"));
        }
        return problems;
    }
}
