package io.dishtayantra.runtime.calculator.builtin;

import io.dishtayantra.runtime.event.CompactEventMap;
import java.util.Map;

/**
 * Type {@code ApplyDefaults}: sets each attribute of {@code defaults} that is missing or null in
 * the input. Returns the input itself when nothing needs setting, so the common case allocates
 * nothing.
 */
final class ApplyDefaults extends BuiltinOperation {

    private final String[] names;
    private final Object[] values;

    ApplyDefaults(Map<String, Object> defaults) {
        this.names = defaults.keySet().toArray(String[]::new);
        this.values = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            values[i] = defaults.get(names[i]);
        }
    }

    @Override
    Map<String, Object> apply(Map<String, Object> input) {
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
}
