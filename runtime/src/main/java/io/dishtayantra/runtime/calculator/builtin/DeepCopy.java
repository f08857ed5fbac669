package io.dishtayantra.runtime.calculator.builtin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Type {@code Null}: returns a deep copy of its input (new maps and lists at every level, the
 * same scalar values), as the original's Null step did. Use Passthru to pass the same map on.
 */
final class DeepCopy extends BuiltinOperation {

    @Override
    Map<String, Object> apply(Map<String, Object> input) {
        return copyMap(input);
    }

    static Map<String, Object> copyMap(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            copy.put(String.valueOf(entry.getKey()), copyValue(entry.getValue()));
        }
        return copy;
    }

    private static Object copyValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return copyMap(map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object item : list) {
                copy.add(copyValue(item));
            }
            return copy;
        }
        return value;
    }
}
