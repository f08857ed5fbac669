package io.dishtayantra.runtime.connector.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A redis-server child process on a free port, with an append-only file so data survives restarts. */
public final class RedisTestServer implements AutoCloseable {

    private final Path directory;
    private final int port;
    private Process process;

    public RedisTestServer() throws IOException {
        this.directory = Files.createTempDirectory("dy-redis");
        this.port = Servers.freePort();
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    public void start() throws Exception {
        try {
            process = new ProcessBuilder(List.of("redis-server", "--bind", "127.0.0.1", "--port", String.valueOf(port),
                    "--dir", directory.toString(), "--appendonly", "yes", "--appendfsync", "always", "--save", ""))
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("redis.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new AssertionError("redis-server could not be started (" + e.getMessage()
                    + "); install it with 'apt-get install redis-server' or run 'make services'", e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("redis-server did not open port " + port + "; see " + directory.resolve("redis.log"));
                }
                Thread.sleep(20);
            }
        }
    }

    /** Stops the server abruptly (SIGKILL); with appendfsync always nothing acknowledged is lost. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            process = null;
        }
    }

    @Override
    public void close() throws Exception {
        kill();
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
