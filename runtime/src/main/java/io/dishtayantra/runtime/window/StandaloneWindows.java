package io.dishtayantra.runtime.window;

import io.dishtayantra.crd.manifest.ManifestDocument;
import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.v1alpha1.TimeWindow;
import io.dishtayantra.crd.validation.ValidationProblem;
import io.dishtayantra.crd.window.DagWindows;
import io.dishtayantra.crd.window.WindowSchedule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The TimeWindow documents found next to the DAGs that {@code dishtayantra run} was given, and
 * the window each DAG follows: the TimeWindow its {@code spec.timeWindowRef} names, else its
 * embedded {@code spec.timeWindow}. Not thread-safe; built once before the DAGs start.
 */
public final class StandaloneWindows {

    private final Map<String, TimeWindow> windows = new LinkedHashMap<>();
    private final Map<String, String> locations = new LinkedHashMap<>();

    /** Collects the TimeWindow documents among {@code documents}; a later duplicate name is ignored. */
    public StandaloneWindows(List<ManifestDocument> documents) {
        for (ManifestDocument document : documents) {
            if (document.resource() instanceof TimeWindow window && window.getMetadata() != null
                    && window.getMetadata().getName() != null) {
                String name = window.getMetadata().getName();
                if (!windows.containsKey(name)) {
                    windows.put(name, window);
                    locations.put(name, document.location());
                }
            }
        }
    }

    /** Names of the TimeWindows found, in the order their files were read. */
    public List<String> names() {
        return List.copyOf(windows.keySet());
    }

    /**
     * Lists the window problems of a DAG: a reference to a TimeWindow that was not found or is
     * invalid, an invalid embedded window, an invalid {@code windowDate}. Empty when the DAG can run.
     */
    public List<ValidationProblem> problems(Dag dag) {
        List<ValidationProblem> problems = new ArrayList<>(DagWindows.validate(dag.getSpec()));
        String ref = dag.getSpec().getTimeWindowRef();
        if (!DagWindows.referencesWindow(dag.getSpec())) {
            return problems;
        }
        TimeWindow window = windows.get(ref);
        if (window == null) {
            problems.add(new ValidationProblem("spec.timeWindowRef", ref, "TimeWindow not found in the given files "
                    + "and folders; add a TimeWindow document named " + ref + " or embed the window as spec.timeWindow"));
            return problems;
        }
        for (ValidationProblem problem : WindowSchedule.validate(window.getSpec(), "spec")) {
            problems.add(new ValidationProblem("spec.timeWindowRef", ref, "TimeWindow in " + locations.get(ref)
                    + " is invalid: " + problem));
        }
        return problems;
    }

    /**
     * Builds the schedule of a DAG whose {@link #problems} are empty.
     *
     * @return empty when the DAG has no window and always runs
     * @throws IllegalArgumentException when the DAG has window problems
     */
    public Optional<WindowSchedule> scheduleFor(Dag dag) {
        String ref = dag.getSpec().getTimeWindowRef();
        TimeWindow window = ref == null ? null : windows.get(ref);
        return DagWindows.scheduleFor(dag.getSpec(), window == null ? null : window.getSpec());
    }
}
