package io.dishtayantra.runtime.testplugins;

import io.dishtayantra.api.Calculator;
import java.util.Map;

/** Throws an {@link Error} on every event, which stops the DAG's executor and leaves the DAG FAILED. */
public final class ErrorOnCalculate implements Calculator {

    @Override
    public Map<String, Object> calculate(Map<String, Object> input) {
        throw new AssertionError("simulated fatal error in a calculator");
    }
}
