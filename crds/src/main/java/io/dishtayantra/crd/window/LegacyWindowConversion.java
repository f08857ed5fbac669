package io.dishtayantra.crd.window;

import io.dishtayantra.crd.v1alpha1.TimeWindowSpec;
import io.dishtayantra.crd.validation.ValidationProblem;
import java.util.List;
import java.util.Optional;

/**
 * The result of converting the original's window keys.
 *
 * @param window the converted window; empty when the DAG had no {@code start_time}, which the
 *     original treated as running all the time
 * @param unconverted keys or values that could not be carried over. Each names the original key as
 *     its path and says what to do instead. The window is still usable but behaves differently.
 * @param notes differences worth telling the user about although the conversion is exact, such as
 *     defaults the original applied silently
 */
public record LegacyWindowConversion(
        Optional<TimeWindowSpec> window, List<ValidationProblem> unconverted, List<String> notes) {

    public LegacyWindowConversion {
        unconverted = List.copyOf(unconverted);
        notes = List.copyOf(notes);
    }
}
