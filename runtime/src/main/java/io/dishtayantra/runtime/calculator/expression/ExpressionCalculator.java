package io.dishtayantra.runtime.calculator.expression;

import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelUnknownSet;
import dev.cel.runtime.CelVariableResolver;
import io.dishtayantra.api.Calculator;
import io.dishtayantra.api.PluginContext;
import io.dishtayantra.api.PluginMetrics;
import io.dishtayantra.api.Transformer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Sets event fields from CEL expressions, after an optional CEL filter.
 *
 * <p>For each event the filter runs first; when it returns false the event is dropped (the
 * result is {@code null}) and counted in {@code events_filtered_total}. Otherwise every
 * {@code set} expression is evaluated against the input event, so one expression does not see
 * the result of another, and the output is a copy of the input with those fields set. The input
 * is never modified. An evaluation error (missing field, no matching overload, division by zero)
 * fails the event with a message naming the expression's key.
 *
 * <p>Used as a calculator or as a transformer. Follows the single-caller threading contract of
 * {@link Calculator}.
 */
public final class ExpressionCalculator implements Calculator, Transformer {

    private final String name;
    private final CompiledExpressions expressions;
    private final Map<String, Function<Object, Object>> adapters = new HashMap<>();
    private final AtomicLong filteredEvents = new AtomicLong();
    private PluginMetrics.Counter filteredCounter;

    ExpressionCalculator(String name, CompiledExpressions expressions) {
        this.name = name;
        this.expressions = expressions;
        expressions.variables().forEach((variable, type) -> adapters.put(variable, adapterFor(type)));
    }

    @Override
    public void start(PluginContext context) {
        filteredCounter = context.metrics().counter("events_filtered_total",
                "Events an Expression filter returned false for and dropped.");
    }

    @Override
    public Map<String, Object> calculate(Map<String, Object> input) throws ExpressionEvaluationException {
        CelVariableResolver variables = variable -> resolve(input, variable);

        if (expressions.filter() != null && !passesFilter(variables)) {
            filteredEvents.incrementAndGet();
            if (filteredCounter != null) {
                filteredCounter.increment();
            }
            return null;
        }
        if (expressions.set().isEmpty()) {
            return input;
        }

        Map<String, Object> output = new LinkedHashMap<>(input);
        for (Map.Entry<String, CelRuntime.Program> entry : expressions.set().entrySet()) {
            Object value = evaluate("set." + entry.getKey(), entry.getValue(), variables);
            try {
                output.put(entry.getKey(), CelValues.toEvent(value));
            } catch (IllegalArgumentException e) {
                throw new ExpressionEvaluationException(name, "set." + entry.getKey(), e.getMessage(), e);
            }
        }
        return output;
    }

    @Override
    public Map<String, Object> transform(Map<String, Object> input) throws ExpressionEvaluationException {
        return calculate(input);
    }

    @Override
    public void close() {
    }

    /** Events dropped by the filter since this calculator was created. */
    public long filteredEvents() {
        return filteredEvents.get();
    }

    private boolean passesFilter(CelVariableResolver variables) throws ExpressionEvaluationException {
        Object result = evaluate("filter", expressions.filter(), variables);
        if (result instanceof Boolean pass) {
            return pass;
        }
        throw new ExpressionEvaluationException(name, "filter",
                "the filter returned " + CelValues.toEvent(result) + " instead of true or false", null);
    }

    private Object evaluate(String key, CelRuntime.Program program, CelVariableResolver variables)
            throws ExpressionEvaluationException {
        Object result;
        try {
            result = program.eval(variables);
        } catch (CelEvaluationException e) {
            throw new ExpressionEvaluationException(name, key, e.getMessage(), e);
        }
        if (result instanceof CelUnknownSet) {
            throw new ExpressionEvaluationException(name, key, "the event has no field "
                    + missingFields(variables) + "; check the field name or guard with has(event.name)", null);
        }
        return result;
    }

    /** Declared field variables the event does not have; CEL reports those as unknown. */
    private List<String> missingFields(CelVariableResolver variables) {
        List<String> missing = new ArrayList<>();
        for (String variable : expressions.variables().keySet()) {
            if (variables.find(variable).isEmpty()) {
                missing.add(variable);
            }
        }
        return missing;
    }

    private Optional<Object> resolve(Map<String, Object> event, String variable) {
        if ("event".equals(variable)) {
            return Optional.of(new CelValues.MapView(event));
        }
        Function<Object, Object> adapter = adapters.get(variable);
        if (adapter == null || !event.containsKey(variable)) {
            return Optional.empty();
        }
        return Optional.of(adapter.apply(event.get(variable)));
    }

    private static Function<Object, Object> adapterFor(CelType type) {
        if (type.equals(SimpleType.DOUBLE)) {
            return CelValues::toCelDouble;
        }
        if (type.equals(SimpleType.INT)) {
            return CelValues::toCelInt;
        }
        return CelValues::toCel;
    }
}
