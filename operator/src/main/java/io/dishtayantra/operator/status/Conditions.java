package io.dishtayantra.operator.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Builds conditions that keep their transition time while their status stays the same. */
public final class Conditions {

    private final List<Condition> previous;
    private final long generation;
    private final List<Condition> next = new ArrayList<>();
    private final Instant now;

    /**
     * @param previous the conditions of the current status, may be null
     * @param generation the spec generation the new conditions describe
     * @param now the transition time of conditions whose status changes
     */
    public Conditions(List<Condition> previous, long generation, Instant now) {
        this.previous = previous == null ? List.of() : previous;
        this.generation = generation;
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
    }

    /** Adds a condition; {@code status} true is "True". */
    public Conditions set(String type, boolean status, String reason, String message) {
        String statusText = status ? "True" : "False";
        String transition = previous.stream()
                .filter(condition -> type.equals(condition.getType()) && statusText.equals(condition.getStatus()))
                .map(Condition::getLastTransitionTime)
                .findFirst()
                .orElse(now.toString());
        next.add(new ConditionBuilder()
                .withType(type)
                .withStatus(statusText)
                .withReason(reason)
                .withMessage(message)
                .withObservedGeneration(generation)
                .withLastTransitionTime(transition)
                .build());
        return this;
    }

    /** Returns the conditions sorted by type, so that an unchanged status compares equal. */
    public List<Condition> build() {
        List<Condition> sorted = new ArrayList<>(next);
        sorted.sort(Comparator.comparing(Condition::getType));
        return sorted;
    }

    /** Returns the condition of a type in a list, or null. */
    public static Condition find(List<Condition> conditions, String type) {
        if (conditions == null) {
            return null;
        }
        return conditions.stream().filter(condition -> type.equals(condition.getType())).findFirst().orElse(null);
    }
}
