package io.dishtayantra.runtime.testplugins;

import io.dishtayantra.api.Calculator;
import java.util.Map;

/** Fails on events whose {@code id} is odd; passes the others through. */
public final class FailOnOdd implements Calculator {

    @Override
    public Map<String, Object> calculate(Map<String, Object> input) {
        int id = ((Number) input.get("id")).intValue();
        if (id % 2 == 1) {
            throw new IllegalArgumentException("odd id " + id);
        }
        return input;
    }
}
