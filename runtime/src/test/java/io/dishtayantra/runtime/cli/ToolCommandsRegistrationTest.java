package io.dishtayantra.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;

class ToolCommandsRegistrationTest {

    @Test
    void rootCommandListsToolCommands() {
        assertThat(DishtaYantraCli.commandLine().getSubcommands()).containsKeys("validate", "convert", "graph");
    }

    @Test
    void validateRunsThroughRootCommand() {
        CommandLine root = DishtaYantraCli.commandLine();
        StringWriter out = new StringWriter();
        root.setOut(new PrintWriter(out, true));

        int exitCode = root.execute("validate", Examples.folder().resolve("heartbeat.yaml").toString());

        assertThat(exitCode).isEqualTo(0);
        assertThat(out.toString()).contains("DAG heartbeat is valid.");
    }
}
