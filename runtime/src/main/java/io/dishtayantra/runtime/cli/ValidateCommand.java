package io.dishtayantra.runtime.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dishtayantra.crd.manifest.ManifestDocument;
import io.dishtayantra.crd.manifest.ManifestLoader;
import io.dishtayantra.crd.validation.ComponentCatalog;
import io.dishtayantra.crd.validation.DagValidator;
import io.dishtayantra.crd.validation.ValidationProblem;
import io.dishtayantra.crd.validation.ValidationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dishtayantra validate FILE|FOLDER...}: checks manifests without running them and prints
 * every problem as {@code file: path (value): message}. Exit status 0 when every manifest is
 * valid, 1 when any is not, 2 on usage errors such as a path that does not exist.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks DAG and TimeWindow manifests and prints every problem at once.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every manifest is valid", "1:a manifest has problems", "2:usage error"})
public final class ValidateCommand implements Callable<Integer> {

    /** Output formats: text for people, json for CI. */
    public enum Format { text, json }

    @Parameters(arity = "1..*", paramLabel = "FILE|FOLDER",
            description = "Manifest files (.yaml, .yml, .json), or folders whose manifest files are checked (not recursively).")
    private List<Path> paths = new ArrayList<>();

    @Option(names = "--output", defaultValue = "text", paramLabel = "FORMAT",
            description = "text (default) or json.")
    private Format output;

    @Spec
    private CommandSpec spec;

    @Mixin
    private CatalogOption catalogOption = new CatalogOption();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ComponentCatalog catalog;
        try {
            catalog = catalogOption.catalog();
        } catch (IllegalArgumentException e) {
            err.println("validate: " + e.getMessage());
            return 2;
        }
        List<ManifestDocument> documents = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                err.println("validate: " + path + " does not exist; give a manifest file or a folder of manifests.");
                return 2;
            }
            try {
                List<ManifestDocument> found = new ManifestLoader().load(path);
                if (found.isEmpty() && !Files.isDirectory(path)) {
                    err.println("validate: " + path + " contains no document; write a manifest with apiVersion, kind,"
                            + " metadata and spec.");
                    return 2;
                }
                if (found.isEmpty()) {
                    err.println("validate: " + path + " contains no manifest (.yaml, .yml or .json).");
                    return 2;
                }
                documents.addAll(found);
            } catch (IOException e) {
                err.println("validate: cannot read " + path + ": " + e.getMessage());
                return 2;
            }
        }
        List<Result> results = validateAll(documents, catalog);
        if (output == Format.json) {
            printJson(results, out);
        } else {
            printText(results, out);
        }
        out.flush();
        return results.stream().allMatch(result -> result.report().valid()) ? 0 : 1;
    }

    private record Result(ManifestDocument document, ValidationReport report) {
    }

    /** Validates each document, then reports DAG names defined twice in one namespace. */
    private static List<Result> validateAll(List<ManifestDocument> documents, ComponentCatalog catalog) {
        DagValidator validator = new DagValidator(catalog);
        Map<String, ManifestDocument> firstByName = new LinkedHashMap<>();
        List<Result> results = new ArrayList<>();
        for (ManifestDocument document : documents) {
            ValidationReport report = validator.validate(document);
            if (document.resource() != null && report.dagName() != null) {
                String namespace = document.resource().getMetadata().getNamespace();
                String key = document.resource().getKind() + "/" + (namespace == null ? "" : namespace) + "/" + report.dagName();
                ManifestDocument first = firstByName.putIfAbsent(key, document);
                if (first != null) {
                    List<ValidationProblem> problems = new ArrayList<>(report.problems());
                    problems.add(new ValidationProblem("metadata.name", report.dagName(), "The name is already used by "
                            + first.location() + "; give each " + document.resource().getKind() + " a unique name."));
                    report = new ValidationReport(report.dagName(), problems);
                }
            }
            results.add(new Result(document, report));
        }
        return results;
    }

    private static void printText(List<Result> results, PrintWriter out) {
        int invalid = 0;
        int problems = 0;
        for (Result result : results) {
            String location = result.document().location();
            if (result.report().valid()) {
                out.println(location + ": " + kind(result) + " " + result.report().dagName() + " is valid.");
                continue;
            }
            invalid++;
            for (ValidationProblem problem : result.report().problems()) {
                problems++;
                out.println(problem.path().isEmpty() ? location + ": " + problem.message() : location + ": " + problem);
            }
        }
        String checked = results.size() + (results.size() == 1 ? " manifest" : " manifests") + " checked";
        if (invalid == 0) {
            out.println(checked + ", all valid.");
        } else {
            out.println(checked + ": " + (results.size() - invalid) + " valid, " + invalid + " invalid with " + problems
                    + (problems == 1 ? " problem." : " problems."));
        }
    }

    private static void printJson(List<Result> results, PrintWriter out) {
        List<Map<String, Object>> manifests = new ArrayList<>();
        for (Result result : results) {
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("file", result.document().source().toString());
            manifest.put("document", result.document().index());
            manifest.put("kind", result.document().resource() == null ? null : result.document().resource().getKind());
            manifest.put("name", result.report().dagName());
            manifest.put("valid", result.report().valid());
            List<Map<String, Object>> problems = new ArrayList<>();
            for (ValidationProblem problem : result.report().problems()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("path", problem.path());
                entry.put("value", problem.value());
                entry.put("message", problem.message());
                problems.add(entry);
            }
            manifest.put("problems", problems);
            manifests.add(manifest);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("valid", results.stream().allMatch(result -> result.report().valid()));
        document.put("manifests", manifests);
        try {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the validation result as JSON", e);
        }
    }

    private static String kind(Result result) {
        return result.document().resource() == null ? "manifest" : result.document().resource().getKind();
    }
}
