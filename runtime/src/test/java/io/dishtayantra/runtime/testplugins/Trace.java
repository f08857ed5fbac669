package io.dishtayantra.runtime.testplugins;

import io.dishtayantra.api.Calculator;
import io.dishtayantra.api.PluginContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Appends its name to the input's {@code trace} list, so tests see which nodes ran in which order;
 * records its start and close by name, and counts events in the metric {@code traced_events}. Config {@code failStart: true} makes start throw.
 */
public final class Trace implements Calculator {

    public static final Set<String> STARTED = ConcurrentHashMap.newKeySet();
    public static final Set<String> CLOSED = ConcurrentHashMap.newKeySet();
    private String name;
    private io.dishtayantra.api.PluginMetrics.Counter traced;

    @Override
    public void start(PluginContext context) {
        if (Boolean.TRUE.equals(context.config().get("failStart"))) {
            throw new IllegalStateException("pricing service unreachable");
        }
        name = context.dagName() + "/" + context.componentName();
        STARTED.add(name);
        traced = context.metrics().counter("traced_events", "Events this calculator appended its name to.");
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> calculate(Map<String, Object> input) {
        Map<String, Object> output = new LinkedHashMap<>(input);
        List<Object> trace = new ArrayList<>((List<Object>) input.getOrDefault("trace", List.of()));
        trace.add(name.substring(name.indexOf('/') + 1));
        output.put("trace", trace);
        traced.increment();
        return output;
    }

    @Override
    public void close() {
        CLOSED.add(name);
    }
}
