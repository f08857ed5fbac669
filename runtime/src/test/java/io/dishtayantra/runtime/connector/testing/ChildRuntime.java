package io.dishtayantra.runtime.connector.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code dishtayantra run MANIFEST} in a child JVM on the test class path, so a test can kill it
 * with SIGKILL mid-stream and start it again.
 */
public final class ChildRuntime implements AutoCloseable {

    private final Path manifest;
    private final Path log;
    private final Map<String, String> environment;
    private Process process;

    public ChildRuntime(Path manifest, Path log, Map<String, String> environment) {
        this.manifest = manifest;
        this.log = log;
        this.environment = environment;
    }

    public void start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"),
                "io.dishtayantra.runtime.cli.DishtaYantraCli", "run", "--no-http", "--summary-interval", "1s", manifest.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
    }

    /** Kills the child with SIGKILL: no shutdown hook runs, nothing is flushed or acknowledged. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** Returns the last 40 lines of the child's output, for failure messages. */
    public String logTail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
