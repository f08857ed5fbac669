package io.dishtayantra.operator.health;

import java.util.List;

/**
 * Whether the operator can do its work, and why not.
 *
 * @param ready true when the controller started and every informer is healthy
 * @param problems one line per unhealthy informer, naming its namespace where known
 */
public record Readiness(boolean ready, List<String> problems) {

    public Readiness {
        problems = List.copyOf(problems);
    }
}
