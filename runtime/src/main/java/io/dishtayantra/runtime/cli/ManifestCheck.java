package io.dishtayantra.runtime.cli;

import io.dishtayantra.crd.manifest.ManifestDocument;
import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.validation.ComponentCatalog;
import io.dishtayantra.crd.validation.DagValidator;
import io.dishtayantra.crd.validation.ValidationProblem;
import io.dishtayantra.runtime.engine.Engine;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks {@code run} makes before starting a DAG: the validator's, then the engine's own
 * structural guard, which only adds problems the validator did not report.
 */
final class ManifestCheck {

    private ManifestCheck() {
    }

    /** Every problem of a parsed document: parse problems first, then validation problems. */
    static List<ValidationProblem> problems(ManifestDocument document, ComponentCatalog catalog) {
        List<ValidationProblem> problems = new ArrayList<>(new DagValidator(catalog).validate(document).problems());
        if (problems.isEmpty() && document.resource() instanceof Dag dag) {
            problems.addAll(Engine.checkStructure(dag));
        }
        return problems;
    }
}
