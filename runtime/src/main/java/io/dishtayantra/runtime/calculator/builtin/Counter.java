package io.dishtayantra.runtime.calculator.builtin;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Type {@code Counter}: copies the input and adds a sequence number (1, 2, 3, …, counted per
 * calculator instance since the DAG started) under {@code sequenceAttribute} (default
 * {@code sequence}) and the processing time as an ISO-8601 instant under
 * {@code timestampAttribute} (default {@code timestamp}).
 */
final class Counter extends BuiltinOperation {

    private final String sequenceAttribute;
    private final String timestampAttribute;
    private long sequence;

    Counter(String sequenceAttribute, String timestampAttribute) {
        this.sequenceAttribute = sequenceAttribute;
        this.timestampAttribute = timestampAttribute;
    }

    @Override
    Map<String, Object> apply(Map<String, Object> input) {
        Map<String, Object> output = new LinkedHashMap<>(Math.max(4, (input.size() + 2) * 2));
        output.putAll(input);
        output.put(sequenceAttribute, ++sequence);
        output.put(timestampAttribute, Instant.now().toString());
        return output;
    }
}
