package io.dishtayantra.runtime.connector.codec;

import java.util.List;
import java.util.Map;

/**
 * Rejects parsed JSON that holds a number too large for a double: Jackson reads such a number,
 * such as {@code 1e400}, as infinity, which JSON cannot represent and which would leave the event
 * as the string "Infinity". Thread-safe.
 */
public final class FiniteNumbers {

    private FiniteNumbers() {
    }

    /**
     * Checks every number in a parsed value, at any depth.
     *
     * @throws IllegalArgumentException naming the attribute when a number is infinite or NaN
     */
    public static void require(Object value) {
        require(value, "");
    }

    private static void require(Object value, String path) {
        if (value instanceof Double number && !Double.isFinite(number)) {
            throw new IllegalArgumentException("the number at " + (path.isEmpty() ? "the top level" : path)
                    + " is too large for a double");
        }
        if (value instanceof Float number && !Float.isFinite(number)) {
            throw new IllegalArgumentException("the number at " + (path.isEmpty() ? "the top level" : path)
                    + " is too large for a float");
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                require(entry.getValue(), path.isEmpty() ? String.valueOf(entry.getKey()) : path + "." + entry.getKey());
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                require(list.get(i), path + "[" + i + "]");
            }
        }
    }
}
