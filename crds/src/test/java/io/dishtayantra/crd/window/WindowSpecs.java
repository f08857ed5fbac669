package io.dishtayantra.crd.window;

import io.dishtayantra.crd.v1alpha1.TimeWindowSpec;
import java.util.List;

/** Builds window specs for tests. */
final class WindowSpecs {

    private WindowSpecs() {
    }

    static TimeWindowSpec window(String zone, String start, String end, String... days) {
        TimeWindowSpec spec = new TimeWindowSpec();
        spec.setTimeZone(zone);
        spec.setStart(start);
        spec.setEnd(end);
        spec.setDays(List.of(days));
        return spec;
    }

    static TimeWindowSpec windowWithDuration(String zone, String start, String duration, String... days) {
        TimeWindowSpec spec = window(zone, start, null, days);
        spec.setDuration(duration);
        return spec;
    }

    static TimeWindowSpec londonSession() {
        TimeWindowSpec spec = window("Europe/London", "08:00", "16:30", "Mon", "Tue", "Wed", "Thu", "Fri");
        spec.setExcludeDates(List.of("2026-12-25", "2026-12-28"));
        return spec;
    }
}
