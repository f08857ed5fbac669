package io.dishtayantra.runtime.calculator.builtin;

import io.dishtayantra.runtime.event.CompactEventMap;
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
        if (input instanceof CompactEventMap compact) {
            // The input's keys are distinct, so each kept one is appended without a lookup.
            CompactEventMap output = new CompactEventMap(compact.size());
            for (int i = 0; i < compact.size(); i++) {
                String name = compact.keyAt(i);
                if (!remove.contains(name)) {
                    output.appendAbsent(name, compact.valueAt(i));
                }
            }
            return output;
        }
        Map<String, Object> output = CompactEventMap.withCapacity(input.size());
        for (Map.Entry<String, Object> entry : input.entrySet()) {
            if (!remove.contains(entry.getKey())) {
                output.put(entry.getKey(), entry.getValue());
            }
        }
        return output;
    }
}
