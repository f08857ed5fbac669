package io.dishtayantra.runtime.calculator.builtin;

import io.dishtayantra.runtime.event.CompactEventMap;
import java.util.Arrays;
import java.util.Map;

/**
 * Type {@code ApplyDefaults}: sets each attribute of {@code defaults} that is missing or null in
 * the input, appending missing ones in the order of {@code defaults}. Returns the input itself
 * when nothing needs setting.
 *
 * <p>Where each default goes depends only on the input's keys. The step remembers it for the
 * last key sequence it saw and then fills the output by position under one shared output key
 * array, so the next steps recognise the shape by reference too.
 */
final class ApplyDefaults extends BuiltinOperation {

    private final String[] names;
    private final Object[] values;

    // The last input key sequence and, per default, its slot in the output (after the input's attributes when missing).
    private String[] shapeKeys;
    private int shapeSize = -1;
    private int[] slots;
    private String[] outputKeys;
    private int outputSize;

    ApplyDefaults(Map<String, Object> defaults) {
        this.names = defaults.keySet().toArray(String[]::new);
        this.values = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            values[i] = defaults.get(names[i]);
        }
    }

    @Override
    Map<String, Object> apply(Map<String, Object> input) {
        int size = input.size();
        if (size + names.length > CompactEventMap.MAX_COMPACT_SIZE) {
            return applyByName(input);
        }
        Object[] output;
        if (input instanceof CompactEventMap compact) {
            // One shape test: a compact input is either of the remembered shape or teaches a new one.
            if (!compact.hasKeys(shapeKeys, shapeSize)) {
                learnShape(compact);
            }
            if (outputSize == size && noNullDefault(compact)) {
                return input;
            }
            output = compact.copyValues(outputSize);
        } else {
            output = size == shapeSize ? new Object[outputSize] : null;
            if (output == null || !CompactEventMap.copyValuesIfKeys(input, shapeKeys, size, output)) {
                CompactEventMap copy = (CompactEventMap) CompactEventMap.copyOf(input, 0);
                learnShape(copy);
                output = copy.copyValues(outputSize);
            }
        }
        boolean changed = outputSize != size;
        for (int i = 0; i < names.length; i++) {
            int slot = slots[i];
            if (output[slot] == null) {
                output[slot] = values[i];
                changed = true;
            }
        }
        return changed ? CompactEventMap.withSharedKeys(outputKeys, output, outputSize) : input;
    }

    /** Applies the defaults by key lookups, for inputs too large for a compact map. */
    private Map<String, Object> applyByName(Map<String, Object> input) {
        Map<String, Object> output = null;
        for (int i = 0; i < names.length; i++) {
            if (input.get(names[i]) == null) {
                if (output == null) {
                    output = CompactEventMap.copyOf(input, names.length);
                }
                output.put(names[i], values[i]);
            }
        }
        return output == null ? input : output;
    }

    private boolean noNullDefault(CompactEventMap input) {
        for (int slot : slots) {
            if (input.valueAt(slot) == null) {
                return false;
            }
        }
        return true;
    }

    private void learnShape(CompactEventMap input) {
        int size = input.size();
        String[] inputKeys = input.keysForShape();
        String[] keys = Arrays.copyOf(inputKeys, size + names.length);
        int[] positions = new int[names.length];
        int appended = size;
        for (int i = 0; i < names.length; i++) {
            int index = input.indexOf(names[i]);
            if (index < 0) {
                index = appended++;
                keys[index] = names[i];
            }
            positions[i] = index;
        }
        shapeKeys = inputKeys;
        shapeSize = size;
        slots = positions;
        outputKeys = keys;
        outputSize = appended;
    }
}
