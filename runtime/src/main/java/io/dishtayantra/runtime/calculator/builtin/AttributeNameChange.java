package io.dishtayantra.runtime.calculator.builtin;

import io.dishtayantra.runtime.event.CompactEventMap;
import java.util.Map;
import java.util.Set;

/**
 * Type {@code AttributeNameChange}: renames attributes by {@code nameMapping}, which maps old
 * names to new names. Renamed attributes keep their position, and attributes not in the mapping
 * are copied unchanged. A renamed attribute replaces an attribute that already had the new name,
 * unless the renamed value is null.
 *
 * <p>When no two input attributes end up with the same name, the output keys depend only on the
 * input keys and every value keeps its position. For a compact input the step remembers the
 * output keys of the last input key array it saw, and then only copies the values.
 */
final class AttributeNameChange extends BuiltinOperation {

    private final Map<String, String> mapping;
    private final Set<String> newNames;

    // The last compact input key array, and the output keys for it; null when names collide.
    private String[] shapeKeys;
    private int shapeSize = -1;
    private String[] outputKeys;
    private final CompactEventMap.SharedKeys copiedKeys = new CompactEventMap.SharedKeys();

    AttributeNameChange(Map<String, String> nameMapping) {
        this.mapping = Map.copyOf(nameMapping);
        this.newNames = Set.copyOf(nameMapping.values());
    }

    @Override
    Map<String, Object> apply(Map<String, Object> input) {
        if (input instanceof CompactEventMap compact) {
            int size = compact.size();
            if (compact.hasKeys(shapeKeys, shapeSize)) {
                if (outputKeys != null) {
                    return CompactEventMap.withSharedKeys(outputKeys, compact.copyValues(size), size);
                }
                return renameEach(compact);
            }
            Map<String, Object> output = renameEach(compact);
            shapeKeys = compact.keysForShape();
            shapeSize = size;
            outputKeys = output instanceof CompactEventMap renamed && renamed.size() == size
                    ? renamed.shareKeys() : null;
            return output;
        }
        Map<String, Object> output = renameEach(input);
        if (output instanceof CompactEventMap renamed) {
            copiedKeys.share(renamed);
        }
        return output;
    }

    private Map<String, Object> renameEach(Map<String, Object> input) {
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
        // A null name, possible in maps built in Java, is in no mapping.
        String newName = name == null ? null : mapping.get(name);
        if (newName != null) {
            if (value != null) {
                output.put(newName, value);
            } else {
                // A null renamed value never replaces a value the new name already has.
                output.putIfAbsent(newName, null);
            }
        } else if (output instanceof CompactEventMap compact && name != null && !newNames.contains(name)) {
            // Input names are distinct and this one is no rename target, so the output cannot hold it yet.
            compact.appendAbsent(name, value);
        } else {
            // One lookup instead of containsKey plus put: this runs for every attribute.
            output.putIfAbsent(name, value);
        }
    }
}
