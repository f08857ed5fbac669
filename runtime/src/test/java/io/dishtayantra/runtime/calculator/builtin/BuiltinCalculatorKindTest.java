package io.dishtayantra.runtime.calculator.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dishtayantra.api.Calculator;
import io.dishtayantra.api.Transformer;
import io.dishtayantra.crd.v1alpha1.ComponentSpec;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuiltinCalculatorKindTest {

    private final BuiltinCalculatorKind kind = new BuiltinCalculatorKind();

    private Calculator calculator(String type, Map<String, Object> config) {
        return kind.createCalculator(new ComponentSpec("c", type, config), null);
    }

    private Transformer transformer(String type, Map<String, Object> config) {
        return kind.createTransformer(new ComponentSpec("t", type, config), null);
    }

    private List<String> problems(String type, Map<String, Object> config) {
        return kind.validateCalculator(new ComponentSpec("c", type, config), "spec.calculators[0]").stream()
                .map(Object::toString).toList();
    }

    @Test
    void typesAreListed() {
        assertThat(kind.calculatorTypes()).containsExactlyInAnyOrder("Null", "Passthru", "AttributeFilter",
                "AttributeFilterAway", "ApplyDefaults", "AttributeNameChange", "Addition", "Multiplication", "Counter");
        assertThat(kind.transformerTypes()).containsExactlyInAnyOrder("Null", "Passthru", "AttributeFilter",
                "AttributeFilterAway", "ApplyDefaults", "AttributeNameChange");
    }

    @Test
    void nullReturnsDeepCopy() throws Exception {
        Map<String, Object> nested = new LinkedHashMap<>(Map.of("x", 1));
        Map<String, Object> input = Map.of("inner", nested, "list", List.of(Map.of("y", 2)));

        Map<String, Object> output = calculator("Null", Map.of()).calculate(input);

        assertThat(output).isEqualTo(input).isNotSameAs(input);
        assertThat(output.get("inner")).isNotSameAs(nested);
        assertThat(transformer("Null", Map.of()).transform(input)).isEqualTo(input);
    }

    @Test
    void passthruReturnsSameMap() throws Exception {
        Map<String, Object> input = Map.of("a", 1);

        assertThat(calculator("Passthru", Map.of()).calculate(input)).isSameAs(input);
        assertThat(transformer("Passthru", Map.of()).transform(input)).isSameAs(input);
    }

    @Test
    void attributeFilterKeepsListedAttributes() throws Exception {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("a", 1);
        input.put("b", null);
        input.put("c", 3);

        Map<String, Object> output = calculator("AttributeFilter", Map.of("keepAttributes", List.of("c", "b", "missing")))
                .calculate(input);

        assertThat(output.keySet()).containsExactly("c", "b");
        assertThat(output.get("c")).isEqualTo(3);
        assertThat(output.get("b")).isNull();
        assertThat(problems("AttributeFilter", Map.of())).containsExactly(
                "spec.calculators[0].config.keepAttributes: Missing; set it to a list of strings.");
        assertThat(problems("AttributeFilter", Map.of("keepAttributes", "a"))).containsExactly(
                "spec.calculators[0].config.keepAttributes (a): Expected a list of strings, such as [a, b].");
    }

    @Test
    void attributeFilterAwayRemovesListedAttributes() throws Exception {
        Map<String, Object> output = transformer("AttributeFilterAway", Map.of("filterAttributes", List.of("secret")))
                .transform(Map.of("id", 1, "secret", "s"));

        assertThat(output).isEqualTo(Map.of("id", 1));
        assertThat(problems("AttributeFilterAway", Map.of("filterAttributes", List.of()))).containsExactly(
                "spec.calculators[0].config.filterAttributes ([]): Must list at least one attribute.");
        assertThat(problems("AttributeFilterAway", Map.of("filterAttributes", List.of(1)))).containsExactly(
                "spec.calculators[0].config.filterAttributes[0] (1): Expected a non-empty string.");
    }

    @Test
    void applyDefaultsSetsMissingAndNullAttributes() throws Exception {
        Calculator defaults = calculator("ApplyDefaults", Map.of("defaults", Map.of("desk", "G10", "bid", 0.0)));
        Map<String, Object> withNull = new LinkedHashMap<>();
        withNull.put("desk", null);
        withNull.put("bid", 1.5);
        Map<String, Object> complete = Map.of("desk", "X", "bid", 2.0);

        assertThat(defaults.calculate(withNull)).isEqualTo(Map.of("desk", "G10", "bid", 1.5));
        assertThat(defaults.calculate(complete)).isSameAs(complete);
        assertThat(problems("ApplyDefaults", Map.of("defaults", List.of("x")))).containsExactly(
                "spec.calculators[0].config.defaults ([x]): Expected a map of names to values.");
    }

    @Test
    void attributeNameChangeRenamesInPlace() throws Exception {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("px", 1);
        input.put("sym", "EURUSD");
        input.put("qty", 3);

        Map<String, Object> output = transformer("AttributeNameChange", Map.of("nameMapping", Map.of("px", "price", "sym", "symbol")))
                .transform(input);

        assertThat(output.keySet()).containsExactly("price", "symbol", "qty");
        assertThat(output).containsEntry("price", 1).containsEntry("symbol", "EURUSD");
        assertThat(problems("AttributeNameChange", Map.of("nameMapping", Map.of("a", 5)))).containsExactly(
                "spec.calculators[0].config.nameMapping.a (5): Expected a non-empty string.");
    }

    @Test
    void additionKeepsOtherFieldsAndUsesOutputAttribute() throws Exception {
        Calculator addition = calculator("Addition", Map.of("arguments", List.of("bid", "ask"), "outputAttribute", "sum"));

        assertThat(addition.calculate(Map.of("pair", "EURUSD", "bid", 1, "ask", 2)))
                .isEqualTo(Map.of("pair", "EURUSD", "bid", 1, "ask", 2, "sum", 3L));
        assertThat(addition.calculate(Map.of("bid", 1.5, "ask", "2"))).containsEntry("sum", 3.5);
        assertThat(calculator("Addition", Map.of("arguments", List.of("a"))).calculate(Map.of("a", 4)))
                .containsEntry("result", 4L);
    }

    @Test
    void multiplicationOverflowFallsBackToDouble() throws Exception {
        Calculator multiplication = calculator("Multiplication", Map.of("arguments", List.of("a", "b")));

        assertThat(multiplication.calculate(Map.of("a", 3, "b", 4L))).containsEntry("result", 12L);
        assertThat(multiplication.calculate(Map.of("a", Long.MAX_VALUE, "b", 2))).containsEntry("result", Long.MAX_VALUE * 2.0);
        assertThat(multiplication.calculate(Map.of("a", "2.5", "b", 2))).containsEntry("result", 5.0);
    }

    @Test
    void arithmeticNamesMissingOrNonNumericArgument() {
        Calculator addition = calculator("Addition", Map.of("arguments", List.of("bid", "ask")));

        assertThatThrownBy(() -> addition.calculate(Map.of("bid", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Argument 'ask' is missing from the input");
        assertThatThrownBy(() -> addition.calculate(Map.of("bid", 1, "ask", "n/a")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Argument 'ask' is not a number: n/a");
        assertThat(problems("Addition", Map.of("arguments", List.of("a"), "outputAttribute", List.of()))).containsExactly(
                "spec.calculators[0].config.outputAttribute ([]): Expected a string.");
        assertThat(problems("Multiplication", Map.of())).containsExactly(
                "spec.calculators[0].config.arguments: Missing; set it to a list of strings.");
    }

    @Test
    void counterAddsSequenceAndTimestamp() throws Exception {
        Calculator counter = calculator("Counter", Map.of());
        Calculator renamed = calculator("Counter", Map.of("sequenceAttribute", "n", "timestampAttribute", "at"));

        Map<String, Object> first = counter.calculate(Map.of("id", 1));
        Map<String, Object> second = counter.calculate(Map.of("id", 2));

        assertThat(first).containsEntry("id", 1).containsEntry("sequence", 1L);
        assertThat(second).containsEntry("sequence", 2L);
        assertThat(Instant.parse((String) first.get("timestamp"))).isBeforeOrEqualTo(Instant.now());
        assertThat(renamed.calculate(Map.of())).containsOnlyKeys("n", "at");
    }

    @Test
    void unknownKeysAndCalculatorOnlyTypesAreRejected() {
        assertThat(problems("Passthru", Map.of("x", 1))).containsExactly(
                "spec.calculators[0].config.x: Unknown config key; this type takes no config.");
        assertThat(problems("Counter", Map.of("sequence", "n"))).containsExactly(
                "spec.calculators[0].config.sequence: Unknown config key; known keys are [sequenceAttribute, timestampAttribute].");
        assertThatThrownBy(() -> transformer("Addition", Map.of("arguments", List.of("a"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a built-in transformer");
        assertThatThrownBy(() -> calculator("AttributeFilter", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("calculator c.config.keepAttributes: Missing; set it to a list of strings.");
    }
}
