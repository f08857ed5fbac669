package io.dishtayantra.runtime.calculator.expression;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelBuilder;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import io.dishtayantra.runtime.config.ConfigReader;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The CEL programs of one {@code Expression} component, compiled and type-checked.
 *
 * <p>Variables: {@code event} is the whole event as {@code map(string, dyn)}, and each top-level
 * event field is also a variable of its own name. With {@code fields} declared, only those names
 * exist, with the declared types, so a misspelled field is a compile error. Without it, every
 * free name an expression uses is taken as a field of type dyn, and a field missing from an event
 * fails that event.
 *
 * <p>Compiled programs are immutable and safe to evaluate from any thread.
 */
final class CompiledExpressions {

    /** Upper bound on the iterations of one comprehension (all, exists, map, filter). */
    private static final int MAX_COMPREHENSION_ITERATIONS = 100_000;

    /** Names CEL resolves itself; they are never taken as event fields. */
    private static final Set<String> CEL_NAMES = Set.of("event", "int", "uint", "double", "bool", "string",
            "bytes", "list", "map", "null_type", "type", "dyn", "google", "math", "strings");

    private static final CelOptions OPTIONS = CelOptions.current()
            .enableHeterogeneousNumericComparisons(true)
            .errorOnIntWrap(true)
            .comprehensionMaxIterations(MAX_COMPREHENSION_ITERATIONS)
            .build();

    private final CelRuntime.Program filter;
    private final Map<String, CelRuntime.Program> set;
    private final Map<String, CelType> variables;

    private CompiledExpressions(CelRuntime.Program filter, Map<String, CelRuntime.Program> set,
            Map<String, CelType> variables) {
        this.filter = filter;
        this.set = set;
        this.variables = variables;
    }

    /**
     * Compiles and type-checks every expression of {@code settings}. Each failure is recorded in
     * {@code reader} with the expression's key, line and column.
     *
     * @return the programs; meaningful only when {@code reader} recorded no problem
     */
    static CompiledExpressions compile(ExpressionSettings settings, ConfigReader reader) {
        Map<String, CelType> variables = declareVariables(settings);
        Cel cel = environment(variables);

        CelRuntime.Program filter = null;
        if (settings.filter() != null) {
            CelAbstractSyntaxTree ast = check(cel, "filter", settings.filter(), reader);
            if (ast != null && !isBoolOrDyn(ast.getResultType())) {
                reader.problem("filter", settings.filter(), "A filter must return bool, but this expression returns "
                        + ast.getResultType().name() + ".");
            } else if (ast != null) {
                filter = program(cel, ast);
            }
        }

        Map<String, CelRuntime.Program> set = new LinkedHashMap<>();
        settings.set().forEach((field, expression) -> {
            CelAbstractSyntaxTree ast = check(cel, "set." + field, expression, reader);
            if (ast != null) {
                set.put(field, program(cel, ast));
            }
        });
        return new CompiledExpressions(filter, set, variables);
    }

    /** The filter program, or {@code null} when there is no filter. */
    CelRuntime.Program filter() {
        return filter;
    }

    /** Output field to program, in manifest order. */
    Map<String, CelRuntime.Program> set() {
        return set;
    }

    /** Declared variables and their types, {@code event} included. */
    Map<String, CelType> variables() {
        return variables;
    }

    private static Map<String, CelType> declareVariables(ExpressionSettings settings) {
        Map<String, CelType> variables = new LinkedHashMap<>();
        variables.put("event", MapType.create(SimpleType.STRING, SimpleType.DYN));
        if (!settings.fields().isEmpty()) {
            settings.fields().forEach((field, type) -> variables.put(field, celType(type)));
            return variables;
        }

        Cel parser = environment(Map.of());
        Set<String> names = new LinkedHashSet<>();
        if (settings.filter() != null) {
            names.addAll(freeNames(parser, settings.filter()));
        }
        settings.set().values().forEach(expression -> names.addAll(freeNames(parser, expression)));
        names.removeAll(CEL_NAMES);
        names.forEach(name -> variables.put(name, SimpleType.DYN));
        return variables;
    }

    /** Identifiers an expression mentions; a syntax error yields none (compile reports it). */
    private static Set<String> freeNames(Cel parser, String expression) {
        CelValidationResult parsed = parser.parse(expression);
        if (parsed.hasError()) {
            return Set.of();
        }
        Set<String> names = new LinkedHashSet<>();
        try {
            CelNavigableAst.fromAst(parsed.getAst()).getRoot().allNodes()
                    .filter(node -> node.getKind() == CelExpr.ExprKind.Kind.IDENT)
                    .forEach(node -> names.add(node.expr().ident().name()));
        } catch (CelValidationException e) {
            return Set.of();
        }
        return names;
    }

    private static Cel environment(Map<String, CelType> variables) {
        CelBuilder builder = CelFactory.standardCelBuilder()
                .setOptions(OPTIONS)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addCompilerLibraries(CelExtensions.strings(), CelExtensions.math(OPTIONS))
                .addRuntimeLibraries(CelExtensions.strings(), CelExtensions.math(OPTIONS));
        variables.forEach(builder::addVar);
        return builder.build();
    }

    private static CelAbstractSyntaxTree check(Cel cel, String key, String expression, ConfigReader reader) {
        CelValidationResult result = cel.compile(expression);
        if (result.hasError()) {
            for (CelIssue issue : result.getErrors()) {
                reader.problem(key, expression, describe(issue));
            }
            return null;
        }
        try {
            return result.getAst();
        } catch (CelValidationException e) {
            reader.problem(key, expression, e.getMessage());
            return null;
        }
    }

    /** An issue as "line 1, column 8: message"; CEL columns count from 0, ours from 1. */
    private static String describe(CelIssue issue) {
        int line = issue.getSourceLocation().getLine();
        int column = issue.getSourceLocation().getColumn() + 1;
        return "Invalid expression at line " + line + ", column " + column + ": " + issue.getMessage() + ".";
    }

    private static CelRuntime.Program program(Cel cel, CelAbstractSyntaxTree ast) {
        try {
            return cel.createProgram(ast);
        } catch (CelEvaluationException e) {
            throw new IllegalStateException("CEL could not plan a checked expression: " + e.getMessage(), e);
        }
    }

    private static boolean isBoolOrDyn(CelType type) {
        return type.equals(SimpleType.BOOL) || type.equals(SimpleType.DYN);
    }

    private static CelType celType(String name) {
        return switch (name) {
            case "int" -> SimpleType.INT;
            case "uint" -> SimpleType.UINT;
            case "double" -> SimpleType.DOUBLE;
            case "bool" -> SimpleType.BOOL;
            case "string" -> SimpleType.STRING;
            case "bytes" -> SimpleType.BYTES;
            case "list" -> ListType.create(SimpleType.DYN);
            case "map" -> MapType.create(SimpleType.STRING, SimpleType.DYN);
            default -> SimpleType.DYN;
        };
    }
}
