package io.dishtayantra.crd.window;

import io.dishtayantra.crd.validation.ValidationProblem;
import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a window spec cannot be turned into a schedule; carries every problem found. */
public class InvalidWindowException extends IllegalArgumentException {

    private final transient List<ValidationProblem> problems;

    public InvalidWindowException(List<ValidationProblem> problems) {
        super("invalid time window: " + problems.stream()
                .map(ValidationProblem::toString)
                .collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /** The problems, in the order the fields are declared. */
    public List<ValidationProblem> problems() {
        return problems;
    }
}
