package io.dishtayantra.runtime.calculator.builtin;

import io.dishtayantra.runtime.event.CompactEventMap;
import java.util.Map;
import java.util.Set;

/**
 * Type {@code AttributeNameChange}: renames attributes by {@code nameMapping}, which maps old
 * names to new names. Renamed attributes keep their position, and attributes not in the mapping
 * are copied unchanged. A renamed attribute replaces an attribute that already had the new name,
 * unless the renamed value is null.
 */
final class AttributeNameChange extends BuiltinOperation {

    private final Map<String, String> mapping;
    private final Set<String> newNames;

    AttributeNameChange(Map<String, String> nameMapping) {
        this.mapping = Map.copyOf(nameMapping);
        this.newNames = Set.copyOf(nameMapping.values());
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
        if (newName != null) {
            output.put(newName, value);
        } else if (output instanceof CompactEventMap compact && !newNames.contains(name)) {
            // Input names are distinct and this one is no rename target, so the output cannot hold it yet.
            compact.appendAbsent(name, value);
        } else {
            // One lookup instead of containsKey plus put: this runs for every attribute.
            output.putIfAbsent(name, value);
        }
    }
}
