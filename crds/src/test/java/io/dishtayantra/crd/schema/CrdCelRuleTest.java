package io.dishtayantra.crd.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Evaluates the CEL rules of the generated DAG CRD with cel-java, the way the API server evaluates
 * them with cel-go: {@code self} is the value of the field that carries the rule. The rules use
 * only standard CEL macros, which both implementations share.
 */
class CrdCelRuleTest {

    private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("self", SimpleType.DYN)
            .build();
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

    @Test
    void everyRuleCompiles() throws Exception {
        Map<String, String> rules = rules();

        assertThat(rules).isNotEmpty();
        for (Map.Entry<String, String> rule : rules.entrySet()) {
            assertThat(COMPILER.compile(rule.getValue()).hasError()).as(rule.getKey()).isFalse();
        }
    }

    @Test
    void nodeNamesMustBeUnique() throws Exception {
        String rule = rules().get("spec.nodes");

        assertThat(evaluate(rule, List.of(Map.of("name", "ingest"), Map.of("name", "emit")))).isTrue();
        assertThat(evaluate(rule, List.of(Map.of("name", "ingest"), Map.of("name", "ingest")))).isFalse();
        assertThat(evaluate(rule, List.of())).isTrue();
    }

    @Test
    void componentNamesMustBeUnique() throws Exception {
        for (String list : List.of("spec.subscribers", "spec.publishers", "spec.calculators", "spec.transformers")) {
            String rule = rules().get(list);
            assertThat(evaluate(rule, List.of(Map.of("name", "a"), Map.of("name", "a")))).as(list).isFalse();
            assertThat(evaluate(rule, List.of(Map.of("name", "a"), Map.of("name", "b")))).as(list).isTrue();
        }
    }

    @Test
    void edgeCannotLoopOnNode() throws Exception {
        String rule = rules().get("spec.edges[]");

        assertThat(evaluate(rule, Map.of("from", "ingest", "to", "emit"))).isTrue();
        assertThat(evaluate(rule, Map.of("from", "ingest", "to", "ingest"))).isFalse();
    }

    @Test
    void windowNeedsEndXorDuration() throws Exception {
        String rule = rules().get("spec.timeWindow#0");

        assertThat(evaluate(rule, Map.of("start", "09:30", "end", "16:00"))).isTrue();
        assertThat(evaluate(rule, Map.of("start", "09:30", "duration", "6h30m"))).isTrue();
        assertThat(evaluate(rule, Map.of("start", "09:30"))).isFalse();
        assertThat(evaluate(rule, Map.of("start", "09:30", "end", "16:00", "duration", "6h30m"))).isFalse();
    }

    @Test
    void warmUpOnlyWithStop() throws Exception {
        String rule = rules().get("spec.timeWindow#1");

        assertThat(evaluate(rule, Map.of("start", "09:30", "outside", "Stop", "warmUp", "2m"))).isTrue();
        assertThat(evaluate(rule, Map.of("start", "09:30", "outside", "Suspend", "warmUp", "2m"))).isFalse();
        assertThat(evaluate(rule, Map.of("start", "09:30", "warmUp", "2m"))).isFalse();
        assertThat(evaluate(rule, Map.of("start", "09:30"))).isTrue();
    }

    /** Rules of the DAG CRD by field path; a field's second and later rules get #1, #2. */
    private static Map<String, String> rules() throws IOException {
        JsonNode version = CrdSchemaWalker.versions(CrdSchemaWalker.readFolder(Path.of(""))
                .get("dags.dishtayantra.io-v1.yml")).get("v1alpha1");
        Map<String, String> rules = new LinkedHashMap<>();
        CrdSchemaWalker.flatten(version).forEach((path, schema) -> {
            JsonNode validations = schema.path("x-kubernetes-validations");
            for (int i = 0; i < validations.size(); i++) {
                String key = validations.size() == 1 ? path : path + "#" + i;
                rules.put(key, validations.get(i).path("rule").asText());
            }
        });
        return rules;
    }

    private static boolean evaluate(String rule, Object self) throws Exception {
        CelAbstractSyntaxTree ast = COMPILER.compile(rule).getAst();
        return (Boolean) RUNTIME.createProgram(ast).eval(Map.of("self", self));
    }
}
