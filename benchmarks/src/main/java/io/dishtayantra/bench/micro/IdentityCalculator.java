package io.dishtayantra.bench.micro;

import io.dishtayantra.api.Calculator;
import io.dishtayantra.api.PluginContext;
import java.util.Map;

/** A Java plugin calculator that returns its input: the floor of the per-call overhead. */
public final class IdentityCalculator implements Calculator {

    @Override
    public void start(PluginContext context) {
    }

    @Override
    public Map<String, Object> calculate(Map<String, Object> input) {
        return input;
    }

    @Override
    public void close() {
    }
}
