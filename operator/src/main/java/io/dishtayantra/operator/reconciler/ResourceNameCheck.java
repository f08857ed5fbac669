package io.dishtayantra.operator.reconciler;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.validation.ValidationProblem;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks that a DAG's name can also name its Service, which Kubernetes limits to a DNS label:
 * at most 63 lower-case letters, digits and dashes, starting with a letter.
 */
final class ResourceNameCheck {

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z]([-a-z0-9]{0,61}[a-z0-9])?");

    private ResourceNameCheck() {
    }

    static List<ValidationProblem> check(Dag dag) {
        String name = dag.getMetadata().getName();
        if (name != null && DNS_LABEL.matcher(name).matches()) {
            return List.of();
        }
        return List.of(new ValidationProblem("metadata.name", name,
                "The DAG's Service takes its name, so it must be at most 63 lower-case letters, digits and"
                        + " dashes, starting with a letter; rename the DAG."));
    }
}
