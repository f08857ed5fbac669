package io.dishtayantra.crd.window;

import io.dishtayantra.crd.v1alpha1.TimeWindowSpec;
import java.util.ArrayList;
import java.util.List;

/** Adds fields to a test window spec. */
final class TimeWindowSpecBuilder {

    private final TimeWindowSpec spec;

    TimeWindowSpecBuilder(TimeWindowSpec spec) {
        this.spec = spec;
    }

    TimeWindowSpecBuilder excluding(String... dates) {
        List<String> excluded = new ArrayList<>(spec.getExcludeDates());
        excluded.addAll(List.of(dates));
        spec.setExcludeDates(excluded);
        return this;
    }

    TimeWindowSpec spec() {
        return spec;
    }
}
