package io.dishtayantra.runtime.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.dishtayantra.crd.manifest.ManifestDocument;
import io.dishtayantra.crd.manifest.ManifestLoader;
import io.dishtayantra.crd.validation.ComponentCatalog;
import io.dishtayantra.crd.validation.DagValidator;
import io.dishtayantra.crd.validation.ValidationProblem;
import io.dishtayantra.crd.validation.ValidationReport;
import io.dishtayantra.runtime.convert.Conversion;
import io.dishtayantra.runtime.convert.LegacyDagConverter;
import io.dishtayantra.runtime.convert.ManifestYaml;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dishtayantra convert ORIGINAL.json... [-o OUT]}: converts DAGs of the original JSON
 * format into manifests. What has no equivalent is printed on standard error and kept as a
 * comment block at the top of the manifest, with the converted manifest's validation problems.
 * Exit status 0 when everything converted into valid manifests, 1 when something was left out,
 * could not be read, or the result needs edits, 2 on usage errors.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Converts DAGs of the original JSON format (from_node/to_node, snake_case keys) to manifests.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:converted completely", "1:something was not converted or needs edits", "2:usage error"})
public final class ConvertCommand implements Callable<Integer> {

    /** Reads original DAGs; a key given twice in one object is an error rather than last-wins. */
    private static final ObjectMapper ORIGINAL_JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    @Parameters(arity = "1..*", paramLabel = "ORIGINAL.json", description = "DAG files of the original format.")
    private List<Path> inputs = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "File to write with one input; folder (created when missing) with several, one <dag>.yaml each."
                    + " Default: standard output.")
    private Path output;

    @Option(names = "--change-detection",
            description = "Set changeDetection: true on every node that takes it, keeping the original's behaviour of"
                    + " passing on only outputs that changed. Default: every event is passed on.")
    private boolean changeDetection;

    @Spec
    private CommandSpec spec;

    @Mixin
    private CatalogOption catalogOption = new CatalogOption();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path input : inputs) {
            if (!Files.isRegularFile(input)) {
                err.println("convert: " + input + " is not a file; give DAG files of the original JSON format.");
                return 2;
            }
        }
        ComponentCatalog catalog;
        try {
            catalog = catalogOption.catalog();
        } catch (IllegalArgumentException e) {
            err.println("convert: " + e.getMessage());
            return 2;
        }
        boolean toFolder = output != null && (inputs.size() > 1 || Files.isDirectory(output));
        if (output != null && inputs.size() > 1 && Files.isRegularFile(output)) {
            err.println("convert: " + output + " is a file, but several inputs need a folder; give a folder to -o.");
            return 2;
        }
        LegacyDagConverter converter = new LegacyDagConverter(catalog, changeDetection);
        boolean complete = true;
        List<String> documents = new ArrayList<>();
        for (Path input : inputs) {
            Converted converted = convertOne(input, converter, catalog, err);
            if (converted == null) {
                complete = false;
                continue;
            }
            complete &= converted.clean();
            if (toFolder) {
                complete &= write(output.resolve(converted.dagName() + ".yaml"), converted.yaml(), err);
            } else {
                documents.add(converted.yaml());
            }
        }
        if (!toFolder && !documents.isEmpty()) {
            String joined = String.join("---\n", documents);
            if (output == null) {
                out.print(joined);
                out.flush();
            } else {
                complete &= write(output, joined, err);
            }
        }
        return complete ? 0 : 1;
    }

    /**
     * One converted file.
     *
     * @param clean whether everything was converted and the manifest is valid as written
     */
    private record Converted(String dagName, String yaml, boolean clean) {
    }

    /** Converts one file and returns the commented YAML, or null when the file cannot be read. */
    private static Converted convertOne(Path input, LegacyDagConverter converter, ComponentCatalog catalog,
            PrintWriter err) {
        JsonNode original;
        try {
            original = ORIGINAL_JSON.readTree(input.toFile());
        } catch (IOException e) {
            err.println(input + ": not valid JSON: " + e.getMessage());
            return null;
        }
        if (original == null || !original.isObject()) {
            err.println(input + ": expected a JSON object with name, nodes and edges.");
            return null;
        }
        Conversion conversion;
        List<ValidationProblem> problems;
        try {
            conversion = converter.convert(original);
            problems = validate(conversion, input, catalog);
        } catch (RuntimeException e) {
            // A value the converter does not expect must cost this file only, not the whole batch.
            err.println(input + ": not converted: the converter failed on this file (" + e
                    + "); convert it by hand and report the input that caused this.");
            return null;
        }
        for (String line : conversion.notConverted()) {
            err.println(input + ": not converted: " + line);
        }
        for (String line : conversion.behaviourChanges()) {
            err.println(input + ": behaviour change: " + line);
        }
        for (ValidationProblem problem : problems) {
            err.println(input + ": converted manifest: " + problem);
        }
        err.flush();
        String yaml = ManifestYaml.write(conversion.manifest(), comments(input, conversion, problems));
        return new Converted(conversion.dagName(), yaml, conversion.complete() && problems.isEmpty());
    }

    private static List<ValidationProblem> validate(Conversion conversion, Path input, ComponentCatalog catalog) {
        String yaml = ManifestYaml.write(conversion.manifest());
        List<ManifestDocument> documents = new ManifestLoader().parse(yaml, input);
        ValidationReport report = new DagValidator(catalog).validate(documents.get(0));
        return report.problems();
    }

    private static List<String> comments(Path input, Conversion conversion, List<ValidationProblem> problems) {
        List<String> comments = new ArrayList<>();
        comments.add("Converted from " + input.getFileName() + " by dishtayantra convert.");
        if (!conversion.notConverted().isEmpty()) {
            comments.add("");
            comments.add("Not converted (review before running):");
            conversion.notConverted().forEach(line -> comments.add("  - " + line));
        }
        if (!conversion.behaviourChanges().isEmpty()) {
            comments.add("");
            comments.add("Behaviour changes:");
            conversion.behaviourChanges().forEach(line -> comments.add("  - " + line));
        }
        if (!problems.isEmpty()) {
            comments.add("");
            comments.add("Validation problems of this manifest:");
            problems.forEach(problem -> comments.add("  - " + problem));
        }
        return comments;
    }

    private static boolean write(Path target, String yaml, PrintWriter err) {
        try {
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            Files.writeString(target, yaml);
            return true;
        } catch (IOException e) {
            err.println("convert: cannot write " + target + ": " + e.getMessage());
            return false;
        }
    }
}
