package io.dishtayantra.runtime.calculator.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dishtayantra.api.Calculator;
import io.dishtayantra.api.Transformer;
import io.dishtayantra.crd.v1alpha1.ComponentSpec;
import io.dishtayantra.crd.validation.ValidationProblem;
import io.dishtayantra.runtime.calculator.TestPluginContext;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionCalculatorKindTest {

    private final ExpressionCalculatorKind kind = new ExpressionCalculatorKind();

    private static ComponentSpec spec(Map<String, Object> config) {
        return new ComponentSpec("calc", "Expression", new LinkedHashMap<>(config));
    }

    private TestPluginContext context;

    private Calculator started(Map<String, Object> config) throws Exception {
        Calculator calculator = kind.createCalculator(spec(config), getClass().getClassLoader());
        context = TestPluginContext.of("calc", config, Path.of("."));
        calculator.start(context);
        return calculator;
    }

    @Test
    void setComputesFieldsFromTopLevelNamesAndEvent() throws Exception {
        Calculator calculator = started(Map.of("set", Map.of(
                "notional", "double(qty) * price",
                "side_upper", "event.side.upperAscii()",
                "big", "qty > 100")));

        Map<String, Object> input = Map.of("qty", 200, "price", 1.5, "side", "buy");
        Map<String, Object> output = calculator.calculate(input);

        assertThat(output).containsEntry("notional", 300.0);
        assertThat(output).containsEntry("side_upper", "BUY");
        assertThat(output).containsEntry("big", true);
        assertThat(output).containsEntry("qty", 200);
        assertThat(input).doesNotContainKey("notional");
    }

    @Test
    void integersFromJsonAreCelInts() throws Exception {
        Calculator calculator = started(Map.of("set", Map.of("next", "event.counter + 1", "sum", "items.size()")));

        Map<String, Object> output = calculator.calculate(Map.of("counter", 41, "items", List.of(1, 2, 3)));

        assertThat(output).containsEntry("next", 42L);
        assertThat(output).containsEntry("sum", 3L);
    }

    @Test
    void nestedMapsListsAndNullsConvertBothWays() throws Exception {
        Calculator calculator = started(Map.of("set", Map.of(
                "summary", "{'first': legs[0].px, 'missing': event.note == null, 'tags': ['a', 'b']}",
                "any_big", "legs.exists(l, l.px > 10)")));
        Map<String, Object> input = new HashMap<>();
        input.put("legs", List.of(Map.of("px", 12.5), Map.of("px", 3)));
        input.put("note", null);

        Map<String, Object> output = calculator.calculate(input);

        assertThat(output.get("summary")).isEqualTo(Map.of("first", 12.5, "missing", true, "tags", List.of("a", "b")));
        assertThat(output).containsEntry("any_big", true);
    }

    @Test
    void filterDropsAndCountsEvents() throws Exception {
        Calculator calculator = started(Map.of("filter", "qty > 10", "set", Map.of("ok", "true")));

        assertThat(calculator.calculate(Map.of("qty", 5))).isNull();
        assertThat(calculator.calculate(Map.of("qty", 50))).containsEntry("ok", true);
        assertThat(((ExpressionCalculator) calculator).filteredEvents()).isEqualTo(1);
        assertThat(context.counter("events_filtered_total")).isEqualTo(1);
    }

    @Test
    void filterOnlyReturnsInputUnchanged() throws Exception {
        Calculator calculator = started(Map.of("filter", "region == 'EU'"));
        Map<String, Object> input = Map.of("region", "EU");

        assertThat(calculator.calculate(input)).isSameAs(input);
    }

    @Test
    void worksAsTransformer() throws Exception {
        Transformer transformer = kind.createTransformer(spec(Map.of("set", Map.of("x2", "x * 2"))), null);

        assertThat(transformer.transform(Map.of("x", 4))).containsEntry("x2", 8L);
    }

    @Test
    void declaredFieldsConvertNumbersAndAreStrict() throws Exception {
        Map<String, Object> config = Map.of("fields", Map.of("qty", "double", "price", "double"),
                "set", Map.of("notional", "qty * price"));
        Calculator calculator = started(config);

        assertThat(calculator.calculate(Map.of("qty", 3, "price", 2))).containsEntry("notional", 6.0);
    }

    @Test
    void validationReportsSyntaxErrorWithPosition() {
        List<ValidationProblem> problems = kind.validateCalculator(spec(Map.of("set", Map.of("total", "price >"))),
                "spec.calculators[0]");

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).path()).isEqualTo("spec.calculators[0].config.set.total");
        assertThat(problems.get(0).value()).isEqualTo("price >");
        assertThat(problems.get(0).message()).startsWith("Invalid expression at line 1, column 8:");
    }

    @Test
    void validationReportsUnknownFunction() {
        List<ValidationProblem> problems = kind.validateCalculator(spec(Map.of("set", Map.of("t", "sqroot(x)"))),
                "spec.calculators[0]");

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.message()).contains("line 1, column 7");
            assertThat(problem.message()).contains("sqroot");
        });
    }

    @Test
    void validationReportsMisspelledDeclaredField() {
        Map<String, Object> config = Map.of("fields", Map.of("price", "double"), "set", Map.of("t", "prcie * 2.0"));

        List<ValidationProblem> problems = kind.validateCalculator(spec(config), "spec.calculators[0]");

        assertThat(problems).singleElement().satisfies(problem -> assertThat(problem.message()).contains("prcie"));
    }

    @Test
    void validationReportsTypeMismatchWithDeclaredFields() {
        Map<String, Object> config = Map.of("fields", Map.of("qty", "int", "price", "double"),
                "set", Map.of("t", "qty * price"));

        List<ValidationProblem> problems = kind.validateCalculator(spec(config), "spec.calculators[0]");

        assertThat(problems).singleElement().satisfies(problem -> assertThat(problem.message()).contains("_*_"));
    }

    @Test
    void validationRejectsNonBoolFilter() {
        List<ValidationProblem> problems = kind.validateCalculator(spec(Map.of("filter", "'yes'")), "c");

        assertThat(problems).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("must return bool"));
    }

    @Test
    void validationRejectsMissingSetAndFilterAndUnknownKeys() {
        List<ValidationProblem> problems = kind.validateCalculator(spec(Map.of("sett", Map.of())), "c");

        assertThat(problems).extracting(ValidationProblem::path).containsExactlyInAnyOrder("c.config.sett", "c.config.set");
    }

    @Test
    void validationRejectsUnknownFieldType() {
        List<ValidationProblem> problems = kind.validateCalculator(
                spec(Map.of("fields", Map.of("px", "float"), "set", Map.of("a", "px"))), "c");

        assertThat(problems).extracting(ValidationProblem::path).contains("c.config.fields.px");
    }

    @Test
    void validConfigHasNoProblems() {
        assertThat(kind.validateCalculator(spec(Map.of("set", Map.of("a", "b + 1"), "filter", "b > 0")), "c")).isEmpty();
    }

    @Test
    void createRejectsInvalidConfigWithAllProblems() {
        assertThatThrownBy(() -> kind.createCalculator(spec(Map.of("set", Map.of("a", "1 +", "b", "nope(1)"))), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("calc.config.set.a")
                .hasMessageContaining("calc.config.set.b");
    }

    @Test
    void missingFieldFailsTheEventNamingTheKey() throws Exception {
        Calculator calculator = started(Map.of("set", Map.of("t", "price * 2.0")));

        assertThatThrownBy(() -> calculator.calculate(Map.of("qty", 1)))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("set.t")
                .hasMessageContaining("price");
    }

    @Test
    void divisionByZeroFailsTheEvent() throws Exception {
        Calculator calculator = started(Map.of("set", Map.of("r", "a / b")));

        assertThatThrownBy(() -> calculator.calculate(Map.of("a", 1, "b", 0)))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("set.r");
    }

    @Test
    void mixedIntAndDoubleWithoutDeclarationFailsTheEvent() throws Exception {
        Calculator calculator = started(Map.of("set", Map.of("t", "qty * price")));

        assertThatThrownBy(() -> calculator.calculate(Map.of("qty", 2, "price", 1.5)))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("overload");
    }

    @Test
    void dynFilterReturningNonBoolFailsTheEvent() throws Exception {
        Calculator calculator = started(Map.of("filter", "flag"));

        assertThatThrownBy(() -> calculator.calculate(Map.of("flag", "yes")))
                .isInstanceOf(ExpressionEvaluationException.class)
                .hasMessageContaining("instead of true or false");
    }

    @Test
    void timestampsAndBytesBecomeStrings() throws Exception {
        Calculator calculator = started(Map.of("set", Map.of(
                "at", "timestamp('2024-01-01T00:00:00Z') + duration('90s')",
                "raw", "b'hi'",
                "wait", "duration('1m30s')")));

        Map<String, Object> output = calculator.calculate(Map.of());

        assertThat(output).containsEntry("at", "2024-01-01T00:01:30Z");
        assertThat(output).containsEntry("raw", "aGk=");
        assertThat(output).containsEntry("wait", "1m30s");
    }
}
