package io.dishtayantra.operator.window;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.v1alpha1.TimeWindow;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Event sources that link DAGs and the TimeWindows they reference by {@code spec.timeWindowRef}
 * in the same namespace. The reference is a name, not an owner, so both directions are mapped by
 * hand.
 */
public final class WindowEventSources {

    /** Name of the TimeWindow event source of the DAG controller. */
    public static final String TIME_WINDOWS = "timewindows";

    /** Name of the DAG event source of the TimeWindow controller. */
    public static final String DAGS = "dags";

    private WindowEventSources() {
    }

    /**
     * For the DAG controller: a change to a TimeWindow, including its creation and deletion,
     * triggers a reconciliation of every DAG that references it, and {@code
     * context.getSecondaryResource(TimeWindow.class)} returns a DAG's TimeWindow.
     */
    public static InformerEventSource<TimeWindow, Dag> timeWindowsForDags(EventSourceContext<Dag> context) {
        InformerEventSourceConfiguration<TimeWindow> configuration = InformerEventSourceConfiguration
                .from(TimeWindow.class, Dag.class)
                .withName(TIME_WINDOWS)
                .withSecondaryToPrimaryMapper(window -> referencingDags(context, window))
                .withPrimaryToSecondaryMapper((Dag dag) -> referencedWindow(dag))
                .build();
        return new InformerEventSource<>(configuration, context);
    }

    /**
     * For the TimeWindow controller: creating, editing or deleting a DAG triggers a
     * reconciliation of the TimeWindow it references, which counts its DAGs.
     */
    public static InformerEventSource<Dag, TimeWindow> dagsForTimeWindows(EventSourceContext<TimeWindow> context) {
        InformerEventSourceConfiguration<Dag> configuration = InformerEventSourceConfiguration
                .from(Dag.class, TimeWindow.class)
                .withName(DAGS)
                .withSecondaryToPrimaryMapper(WindowEventSources::referencedWindow)
                .build();
        return new InformerEventSource<>(configuration, context);
    }

    /** Maps a DAG to the TimeWindow it references; empty when it references none. */
    static Set<ResourceID> referencedWindow(Dag dag) {
        String ref = dag.getSpec() == null ? null : dag.getSpec().getTimeWindowRef();
        if (ref == null || ref.isBlank()) {
            return Set.of();
        }
        return Set.of(new ResourceID(ref, dag.getMetadata().getNamespace()));
    }

    private static Set<ResourceID> referencingDags(EventSourceContext<Dag> context, TimeWindow window) {
        String namespace = window.getMetadata().getNamespace();
        String name = window.getMetadata().getName();
        return context.getPrimaryCache()
                .list(namespace, dag -> dag.getSpec() != null && name.equals(dag.getSpec().getTimeWindowRef()))
                .map(ResourceID::fromResource)
                .collect(Collectors.toSet());
    }
}
