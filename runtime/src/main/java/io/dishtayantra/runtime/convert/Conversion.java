package io.dishtayantra.runtime.convert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The result of converting one DAG of the original JSON format.
 *
 * @param dagName the converted DAG's name, as written in metadata.name
 * @param manifest the DAG manifest, as a tree in the order it should be written
 * @param notConverted everything of the original that has no place in the manifest, each with
 *     its path, its original value and why; nothing is dropped without a line here
 * @param behaviourChanges what the converted DAG does differently from the original
 */
public record Conversion(String dagName, ObjectNode manifest, List<String> notConverted, List<String> behaviourChanges) {

    public Conversion {
        notConverted = List.copyOf(notConverted);
        behaviourChanges = List.copyOf(behaviourChanges);
    }

    /** Whether every part of the original was carried over. */
    public boolean complete() {
        return notConverted.isEmpty();
    }
}
