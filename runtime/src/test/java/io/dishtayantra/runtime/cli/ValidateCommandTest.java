package io.dishtayantra.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    private static final String VALID = """
            apiVersion: dishtayantra.io/v1alpha1
            kind: DAG
            metadata: {name: orders}
            spec:
              subscribers: [{name: in, uri: "mem://queue/orders-in"}]
              publishers: [{name: out, uri: "mem://queue/orders-out"}]
              calculators: [{name: total, type: Addition, config: {arguments: [a, b], outputAttribute: sum}}]
              nodes:
                - {name: take, type: Subscription, subscriber: in}
                - {name: add, type: Calculation, calculator: total}
                - {name: send, type: Publication, publishers: [out]}
              edges: [{from: take, to: add}, {from: add, to: send}]
            """;

    @TempDir
    Path folder;

    @Test
    void validFileExitsZero() throws Exception {
        Path file = write("orders.yaml", VALID);

        CommandRunner result = CommandRunner.run(new ValidateCommand(), file.toString());

        assertThat(result.exitCode()).isEqualTo(0);
        assertThat(result.out()).contains(file + ": DAG orders is valid.")
                .contains("1 manifest checked, all valid.");
    }

    @Test
    void problemsPrintFilePathValueMessage() throws Exception {
        Path file = write("broken.yaml", VALID.replace("calculator: total}", "calculator: totl}")
                .replace("type: Addition", "type: AdditionCalculator"));

        CommandRunner result = CommandRunner.run(new ValidateCommand(), file.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains(file + ": spec.nodes[1].calculator (totl): No calculator is named 'totl'."
                + " Did you mean 'total'?");
        assertThat(result.out()).contains(file + ": spec.calculators[0].type (AdditionCalculator): Unknown calculator type"
                + " 'AdditionCalculator'. Did you mean 'Addition'?");
        assertThat(result.out()).contains("1 manifest checked: 0 valid, 1 invalid with 2 problems.");
    }

    @Test
    void unquotedNullTypeSaysToQuoteIt() throws Exception {
        Path file = write("null.yaml", VALID.replace("type: Addition, config: {arguments: [a, b], outputAttribute: sum}",
                "type: Null"));

        CommandRunner result = CommandRunner.run(new ValidateCommand(), file.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("spec.calculators[0].type: A calculator needs a type")
                .contains("write it quoted: type: \"Null\"");
    }

    @Test
    void emptyFileIsNotCalledFolder() throws Exception {
        Path file = write("empty.yaml", "");

        CommandRunner result = CommandRunner.run(new ValidateCommand(), file.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("contains no document").doesNotContain(".yml or .json");
    }

    @Test
    void overflowingConnectorDurationIsReported() throws Exception {
        Path file = write("long.yaml", VALID.replace("publishers: [{name: out, uri: \"mem://queue/orders-out\"}]",
                "publishers: [{name: out, uri: \"file://out.jsonl\", config: {flushInterval: 99999999999999999999h}}]"));

        CommandRunner result = CommandRunner.run(new ValidateCommand(), file.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("flushInterval").contains("at most 2562047h");
    }

    @Test
    void catalogConfigChecksAreReported() throws Exception {
        Path file = write("config.yaml", VALID.replace("outputAttribute: sum}", "outputAttribute: sum, colour: red}")
                .replace("mem://queue/orders-in", "mem://orders-in"));

        CommandRunner result = CommandRunner.run(new ValidateCommand(), file.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("spec.calculators[0].config.colour").contains("spec.subscribers[0].uri");
    }

    @Test
    void folderIsValidatedFileByFile() throws Exception {
        write("a.yaml", VALID);
        write("b.yaml", VALID.replace("{name: orders}", "{name: Orders_2}"));
        write("notes.txt", "not a manifest");

        CommandRunner result = CommandRunner.run(new ValidateCommand(), folder.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("a.yaml: DAG orders is valid.").contains("b.yaml: metadata.name (Orders_2)")
                .contains("2 manifests checked: 1 valid, 1 invalid with 1 problem.");
    }

    @Test
    void sameDagNameInTwoFilesIsReported() throws Exception {
        write("a.yaml", VALID);
        Path second = write("b.yaml", VALID);

        CommandRunner result = CommandRunner.run(new ValidateCommand(), folder.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains(second + ": metadata.name (orders): The name is already used by "
                + folder.resolve("a.yaml"));
    }

    @Test
    void parseProblemsAndSecondDocumentsAreLocated() throws Exception {
        Path file = write("two.yaml", VALID + "---\n" + VALID.replace("{name: orders}", "{name: orders-b}")
                .replace("{name: add, type: Calculation,", "{name: add, type: Calculation, calculater: x,"));

        CommandRunner result = CommandRunner.run(new ValidateCommand(), file.toString());

        assertThat(result.out()).contains(file + " (document 2): spec.nodes[1].calculater: Unknown field 'calculater'");
    }

    @Test
    void jsonOutputListsEveryProblem() throws Exception {
        write("a.yaml", VALID);
        write("b.yaml", VALID.replace("deadLetter", "x").replace("calculator: total}", "calculator: totl}"));

        CommandRunner result = CommandRunner.run(new ValidateCommand(), "--output", "json", folder.toString());

        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(json.get("valid").asBoolean()).isFalse();
        assertThat(json.get("manifests")).hasSize(2);
        assertThat(json.get("manifests").get(0).get("valid").asBoolean()).isTrue();
        JsonNode problem = json.get("manifests").get(1).get("problems").get(0);
        assertThat(problem.get("path").asText()).isEqualTo("spec.nodes[1].calculator");
        assertThat(problem.get("value").asText()).isEqualTo("totl");
        assertThat(problem.get("message").asText()).startsWith("No calculator is named 'totl'.");
    }

    @Test
    void missingPathIsUsageError() {
        CommandRunner result = CommandRunner.run(new ValidateCommand(), folder.resolve("nope.yaml").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("nope.yaml does not exist");
    }

    @Test
    void noArgumentsIsUsageError() {
        CommandRunner result = CommandRunner.run(new ValidateCommand());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("FILE|FOLDER");
    }

    @Test
    void folderWithoutManifestsIsUsageError() {
        CommandRunner result = CommandRunner.run(new ValidateCommand(), folder.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("contains no manifest");
    }

    @Test
    void examplesFolderIsValid() {
        CommandRunner result = CommandRunner.run(new ValidateCommand(), Examples.folder().toString());

        assertThat(result.out()).contains("all valid.");
        assertThat(result.exitCode()).isEqualTo(0);
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(folder.resolve(name), text);
    }
}
