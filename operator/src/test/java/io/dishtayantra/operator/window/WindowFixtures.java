package io.dishtayantra.operator.window;

import io.dishtayantra.crd.v1alpha1.AutoCloneSpec;
import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.v1alpha1.DagSpec;
import io.dishtayantra.crd.v1alpha1.NodeSpec;
import io.dishtayantra.crd.v1alpha1.TimeWindowSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Template DAGs, windows and clocks for the window tests. */
final class WindowFixtures {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private WindowFixtures() {
    }

    static TimeWindowSpec londonSession() {
        TimeWindowSpec window = new TimeWindowSpec();
        window.setTimeZone("Europe/London");
        window.setStart("08:00");
        window.setEnd("16:30");
        window.setDays(List.of("Mon", "Tue", "Wed", "Thu", "Fri"));
        window.setExcludeDates(List.of("2026-12-25", "2026-12-28"));
        AutoCloneSpec autoClone = new AutoCloneSpec();
        autoClone.setEnabled(true);
        autoClone.setBefore("30m");
        autoClone.setKeep(2);
        window.setAutoClone(autoClone);
        return window;
    }

    static Dag template(String namespace, String name) {
        NodeSpec tick = new NodeSpec();
        tick.setName("tick");
        tick.setType("Metronome");
        tick.setInterval("1s");
        DagSpec spec = new DagSpec();
        spec.setTimeWindowRef("london-session");
        spec.setNodes(List.of(tick));

        Dag dag = new Dag();
        dag.setMetadata(new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(namespace)
                .withUid(UUID.randomUUID().toString())
                .withLabels(Map.of("team", "fx"))
                .build());
        dag.setSpec(spec);
        return dag;
    }

    static Clock londonClock(String localDateTime) {
        return Clock.fixed(ZonedDateTime.of(LocalDateTime.parse(localDateTime), LONDON).toInstant(), LONDON);
    }
}
