package io.dishtayantra.runtime.calculator.builtin;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Type {@code AttributeNameChange}: renames attributes by {@code nameMapping}, which maps old
 * names to new names. Renamed attributes keep their position, and attributes not in the mapping
 * are copied unchanged. A renamed attribute replaces an attribute that already had the new name,
 * unless the renamed value is null.
 */
final class AttributeNameChange extends BuiltinOperation {

    private final Map<String, String> mapping;

    AttributeNameChange(Map<String, String> nameMapping) {
        this.mapping = Map.copyOf(nameMapping);
    }

    @Override
    Map<String, Object> apply(Map<String, Object> input) {
        Map<String, Object> output = new LinkedHashMap<>(Math.max(4, input.size() * 2));
        for (Map.Entry<String, Object> entry : input.entrySet()) {
            String newName = mapping.get(entry.getKey());
            if (newName == null) {
                // One hash lookup instead of containsKey plus put: this runs for every attribute.
                output.putIfAbsent(entry.getKey(), entry.getValue());
            } else {
                output.put(newName, entry.getValue());
            }
        }
        return output;
    }
}
