package io.dishtayantra.runtime.calculator.builtin;

import java.util.Map;

/** Type {@code Passthru}: returns its input itself, unchanged and uncopied. */
final class Passthru extends BuiltinOperation {

    @Override
    Map<String, Object> apply(Map<String, Object> input) {
        return input;
    }
}
