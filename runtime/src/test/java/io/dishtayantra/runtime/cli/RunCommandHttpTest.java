package io.dishtayantra.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dishtayantra.runtime.http.TestRuntime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunCommandHttpTest {

    @TempDir
    Path folder;

    private String run(String... arguments) {
        StringWriter out = new StringWriter();
        CommandLine commandLine = DishtaYantraCli.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(out));
        commandLine.execute(arguments);
        return out.toString();
    }

    @Test
    void firstRunPrintsDashboardAndAdminPassword() throws Exception {
        Files.writeString(folder.resolve("chain.yaml"), TestRuntime.chain("printed"));
        Path data = folder.resolve("data");

        String first = run("run", "--port", "0", "--bind", "127.0.0.1", "--data-dir", data.toString(),
                "--stop-after", "1s", folder.resolve("chain.yaml").toString());
        assertThat(first).containsPattern("Dashboard: http://127\\.0\\.0\\.1:\\d+/ui/");
        assertThat(first).containsPattern("Created user admin with password \\S{16,}");

        String second = run("run", "--port", "0", "--bind", "127.0.0.1", "--data-dir", data.toString(),
                "--stop-after", "1s", folder.resolve("chain.yaml").toString());
        assertThat(second).doesNotContain("Created user admin");
        assertThat(second).contains("Users are in");
    }

    @Test
    void noHttpStartsNoServer() throws Exception {
        Files.writeString(folder.resolve("chain.yaml"), TestRuntime.chain("quiet"));
        String output = run("run", "--no-http", "--stop-after", "1s", folder.resolve("chain.yaml").toString());
        assertThat(output).doesNotContain("Dashboard:");
    }
}
