package io.dishtayantra.crd.validation;

import java.util.List;

/** Every problem found in one manifest; valid when there are none. */
public record ValidationReport(String dagName, List<ValidationProblem> problems) {

    public ValidationReport {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
