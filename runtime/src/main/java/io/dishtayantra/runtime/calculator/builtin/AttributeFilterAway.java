package io.dishtayantra.runtime.calculator.builtin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Type {@code AttributeFilterAway}: removes the attributes listed in {@code filterAttributes}. */
final class AttributeFilterAway extends BuiltinOperation {

    private final Set<String> remove;

    AttributeFilterAway(List<String> filterAttributes) {
        this.remove = Set.copyOf(filterAttributes);
    }

    @Override
    Map<String, Object> apply(Map<String, Object> input) {
        Map<String, Object> output = new LinkedHashMap<>(Math.max(4, input.size() * 2));
        for (Map.Entry<String, Object> entry : input.entrySet()) {
            if (!remove.contains(entry.getKey())) {
                output.put(entry.getKey(), entry.getValue());
            }
        }
        return output;
    }
}
