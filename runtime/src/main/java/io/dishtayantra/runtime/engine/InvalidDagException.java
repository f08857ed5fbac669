package io.dishtayantra.runtime.engine;

import io.dishtayantra.crd.validation.ValidationProblem;
import java.util.List;

/** A DAG's manifest has problems that keep it from being deployed; every problem is listed. */
public class InvalidDagException extends RuntimeException {

    private final List<ValidationProblem> problems;

    public InvalidDagException(String dagName, List<ValidationProblem> problems) {
        super("DAG " + dagName + " is invalid:\n  " + String.join("\n  ", problems.stream().map(ValidationProblem::toString).toList()));
        this.problems = List.copyOf(problems);
    }

    public List<ValidationProblem> problems() {
        return problems;
    }
}
