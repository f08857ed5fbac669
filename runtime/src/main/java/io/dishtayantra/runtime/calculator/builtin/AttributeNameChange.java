package io.dishtayantra.runtime.calculator.builtin;

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
        Map<String, Object> output = CompactEventMap.withCapacity(input.size());
        if (input instanceof CompactEventMap compact) {
            for (int i = 0; i < compact.size(); i++) {
                rename(output, compact.keyAt(i), compact.valueAt(i));
            }
        } else {
            for (Map.Entry<String, Object> entry : input.entrySet()) {
                rename(output, entry.getKey(), entry.getValue());
            }
        }
        return output;
    }

    private void rename(Map<String, Object> output, String name, Object value) {
        String newName = mapping.get(name);
        if (newName == null) {
            // One lookup instead of containsKey plus put: this runs for every attribute.
            output.putIfAbsent(name, value);
        } else {
            output.put(newName, value);
        }
    }
}
