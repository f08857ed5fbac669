package io.dishtayantra.charts;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the DishtaYantra metric names out of PromQL expressions. */
final class PromQl {

    /**
     * Names of our metrics: the runtime's and the operator's start with dishtayantra_, those of the
     * chart's kube-state-metrics configuration with kube_dishtayantra_. Label names never start so.
     */
    private static final Pattern METRIC = Pattern.compile("\\b(?:kube_)?dishtayantra_[a-z0-9_]+\\b");

    private PromQl() {
    }

    static Set<String> metricNames(String expression) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = METRIC.matcher(expression);
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }
}
