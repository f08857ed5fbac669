package io.dishtayantra.runtime.calculator.builtin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Type {@code AttributeFilter}: keeps only the attributes listed in {@code keepAttributes}, in
 * that order; listed attributes missing from the input stay missing.
 */
final class AttributeFilter extends BuiltinOperation {

    private final String[] keep;

    AttributeFilter(List<String> keepAttributes) {
        this.keep = keepAttributes.toArray(String[]::new);
    }

    @Override
    Map<String, Object> apply(Map<String, Object> input) {
        Map<String, Object> output = new LinkedHashMap<>(keep.length * 2);
        for (String attribute : keep) {
            Object value = input.get(attribute);
            if (value != null || input.containsKey(attribute)) {
                output.put(attribute, value);
            }
        }
        return output;
    }
}
