package io.dishtayantra.crd.validation;

import io.fabric8.generator.annotation.Size;
import java.lang.reflect.Field;
import java.util.List;

/**
 * Checks list sizes against the {@code maxItems} bounds that the CRD takes from the model's
 * {@link Size} annotations, so that {@code validate} rejects what the cluster would reject.
 */
final class ListLimits {

    private ListLimits() {
    }

    /** Adds a problem for each list field of {@code spec} longer than its {@link Size#max()}. */
    static void check(Object spec, String path, List<ValidationProblem> problems) {
        for (Field field : spec.getClass().getDeclaredFields()) {
            Size size = field.getAnnotation(Size.class);
            if (size == null || !List.class.isAssignableFrom(field.getType())) {
                continue;
            }
            List<?> list = read(field, spec);
            if (list != null && list.size() > size.max()) {
                problems.add(new ValidationProblem(path + "." + field.getName(), list.size() + " items",
                        "The list has " + list.size() + " items, but the CRD allows at most " + (long) size.max()
                                + "; split the DAG into smaller DAGs chained through mem:// or a broker."));
            }
        }
    }

    private static List<?> read(Field field, Object spec) {
        try {
            field.setAccessible(true);
            return (List<?>) field.get(spec);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read " + field + " of the model", e);
        }
    }
}
