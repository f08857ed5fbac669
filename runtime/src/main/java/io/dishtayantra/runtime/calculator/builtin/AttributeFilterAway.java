package io.dishtayantra.runtime.calculator.builtin;

import io.dishtayantra.runtime.event.CompactEventMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Type {@code AttributeFilterAway}: removes the attributes listed in {@code filterAttributes}.
 * For a compact input the step remembers which positions it keeps for the last input key array
 * it saw, and then copies those values under one shared output key array.
 */
final class AttributeFilterAway extends BuiltinOperation {

    private final Set<String> remove;

    // The last compact input key array, the positions kept from it and their keys.
    private String[] shapeKeys;
    private int shapeSize = -1;
    private int[] keptPositions;
    private String[] outputKeys;
    private final CompactEventMap.SharedKeys copiedKeys = new CompactEventMap.SharedKeys();

    AttributeFilterAway(List<String> filterAttributes) {
        this.remove = Set.copyOf(filterAttributes);
    }

    @Override
    Map<String, Object> apply(Map<String, Object> input) {
        if (input instanceof CompactEventMap compact) {
            if (!compact.hasKeys(shapeKeys, shapeSize)) {
                learnShape(compact);
            }
            Object[] values = new Object[keptPositions.length];
            for (int i = 0; i < keptPositions.length; i++) {
                values[i] = compact.valueAt(keptPositions[i]);
            }
            return CompactEventMap.withSharedKeys(outputKeys, values, keptPositions.length);
        }
        Map<String, Object> output = CompactEventMap.withCapacity(input.size());
        for (Map.Entry<String, Object> entry : input.entrySet()) {
            if (!removes(entry.getKey())) {
                output.put(entry.getKey(), entry.getValue());
            }
        }
        if (output instanceof CompactEventMap filtered) {
            copiedKeys.share(filtered);
        }
        return output;
    }

    /** Returns whether the attribute is removed. A null name, possible in maps built in Java, is never listed. */
    private boolean removes(String name) {
        return name != null && remove.contains(name);
    }

    private void learnShape(CompactEventMap input) {
        int size = input.size();
        int[] positions = new int[size];
        String[] keys = new String[size];
        int count = 0;
        for (int i = 0; i < size; i++) {
            String name = input.keyAt(i);
            if (!removes(name)) {
                positions[count] = i;
                keys[count] = name;
                count++;
            }
        }
        shapeKeys = input.keysForShape();
        shapeSize = size;
        keptPositions = Arrays.copyOf(positions, count);
        outputKeys = keys;
    }
}
