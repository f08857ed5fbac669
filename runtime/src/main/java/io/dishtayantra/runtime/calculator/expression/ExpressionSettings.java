package io.dishtayantra.runtime.calculator.expression;

import io.dishtayantra.runtime.config.ConfigReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Settings of an {@code Expression} calculator or transformer.
 *
 * @param set output field name to CEL expression, in manifest order
 * @param filter CEL expression that must be true for the event to continue, or {@code null}
 * @param fields declared top-level event fields and their CEL types; empty means every name an
 *     expression uses is an event field of type dyn
 */
record ExpressionSettings(Map<String, String> set, String filter, Map<String, String> fields) {

    /** CEL type names a field may be declared with. */
    static final List<String> FIELD_TYPES = List.of("int", "uint", "double", "bool", "string", "bytes", "list", "map", "dyn");

    /** Parses settings; problems go to {@code reader}. */
    static ExpressionSettings read(ConfigReader reader) {
        reader.rejectUnknownKeys(Set.of("set", "filter", "fields"));

        Map<String, String> set = new LinkedHashMap<>(reader.stringMap("set", false));
        String filter = reader.string("filter", false, null);
        if (set.isEmpty() && filter == null) {
            reader.problem("set", null, "Missing; give set (field: expression), filter, or both.");
        }
        set.forEach((field, expression) -> {
            if (field.isBlank()) {
                reader.problem("set", field, "A field name must not be blank.");
            }
            if (expression.isBlank()) {
                reader.problem("set." + field, expression, "The expression must not be blank.");
            }
        });

        Map<String, String> fields = new LinkedHashMap<>(reader.stringMap("fields", false));
        fields.forEach((field, type) -> {
            if (!FIELD_TYPES.contains(type)) {
                reader.problem("fields." + field, type, "Unknown type; use one of " + FIELD_TYPES + ".");
            }
            if ("event".equals(field)) {
                reader.problem("fields.event", type, "'event' is the whole event and cannot be declared as a field.");
            }
        });
        return new ExpressionSettings(set, filter, fields);
    }
}
