package io.dishtayantra.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dishtayantra.runtime.http.TestRuntime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
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
    void portInUseStopsRunBeforeDagsStart() throws Exception {
        Files.createDirectories(folder.resolve("data"));
        Files.writeString(folder.resolve("data/in.jsonl"), "{\"id\":1}\n");
        Files.writeString(folder.resolve("copy.yaml"), """
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: copy}
                spec:
                  subscribers: [{name: in, uri: "file://data/in.jsonl"}]
                  publishers: [{name: out, uri: "file://out/copy.jsonl"}]
                  nodes:
                    - {name: ingest, type: Subscription, subscriber: in}
                    - {name: emit, type: Publication, publishers: [out]}
                  edges: [{from: ingest, to: emit}]
                """);
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            StringWriter out = new StringWriter();
            CommandLine commandLine = DishtaYantraCli.commandLine();
            commandLine.setOut(new PrintWriter(out));
            commandLine.setErr(new PrintWriter(out));

            int exitCode = commandLine.execute("run", "--port", String.valueOf(taken.getLocalPort()), "--bind", "127.0.0.1",
                    "--data-dir", folder.resolve("users").toString(), "--stop-after", "1s",
                    folder.resolve("copy.yaml").toString());

            assertThat(exitCode).isEqualTo(1);
            assertThat(out.toString()).doesNotContain("Dashboard:");
            assertThat(out.toString()).contains("The HTTP server cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .contains("--no-http");
            assertThat(out.toString()).doesNotContain("\tat io.netty");
            assertThat(folder.resolve("out/copy.jsonl")).doesNotExist();
        }
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
