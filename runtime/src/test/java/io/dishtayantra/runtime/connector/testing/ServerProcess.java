package io.dishtayantra.runtime.connector.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A broker started as a child process on a free port with its data in a temporary folder, so a
 * test can stop and start it without touching the shared servers.
 */
public final class ServerProcess implements AutoCloseable {

    private final String name;
    private final Path directory;
    private final int port;
    private final List<String> command;
    private Process process;

    /**
     * @param command builds the command line from the port and the data folder
     */
    public ServerProcess(String name, Function<Integer, Function<Path, List<String>>> command) throws IOException {
        this.name = name;
        this.directory = Files.createTempDirectory("dy-" + name);
        this.port = Servers.freePort();
        this.command = command.apply(port).apply(directory);
    }

    public int port() {
        return port;
    }

    public Path directory() {
        return directory;
    }

    public void start() throws Exception {
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve(name + ".log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new AssertionError(name + " could not be started (" + e.getMessage()
                    + "); install it with 'make services' (scripts/services.sh)", e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(name + " did not open port " + port + "; see " + directory.resolve(name + ".log"));
                }
                Thread.sleep(20);
            }
        }
    }

    /** Stops the server with SIGTERM and waits, so it can save its state. */
    public void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            process = null;
        }
    }

    @Override
    public void close() throws Exception {
        stop();
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
