package io.dishtayantra.runtime.connector.file;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dishtayantra.api.connector.Completion;
import io.dishtayantra.api.connector.ConnectorContext;
import io.dishtayantra.api.connector.Publisher;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Appends each event to a file as one line of compact JSON (JSON Lines). Lines are buffered and
 * written to the file on {@link #flush}, on {@link #close}, when the buffer fills, and at least
 * every {@code flushInterval}.
 *
 * <p>NOTE: {@link #publish} completes once the line is in the buffer, so a process crash can lose
 * up to {@code flushInterval} of lines whose source events were already acknowledged; a clean
 * stop loses nothing.
 */
final class FilePublisher implements Publisher {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BUFFER_BYTES = 64 * 1024;

    private final Duration flushInterval;
    private final ReentrantLock lock = new ReentrantLock();
    private OutputStream out;
    private ScheduledExecutorService flusher;
    private ConnectorContext context;
    private boolean dirty;

    FilePublisher(Duration flushInterval) {
        this.flushInterval = flushInterval;
    }

    @Override
    public void start(ConnectorContext context) throws IOException {
        this.context = context;
        Path path = FileAddress.path(context.uri(), context.baseDirectory());
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        out = new BufferedOutputStream(Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE), BUFFER_BYTES);
        flusher = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("file-flush-" + context.dagName() + "-" + context.componentName()).daemon(true).factory());
        long millis = flushInterval.toMillis();
        flusher.scheduleWithFixedDelay(this::flushQuietly, millis, millis, TimeUnit.MILLISECONDS);
        context.health().connected();
    }

    @Override
    public void publish(Map<String, Object> event, Completion completion) throws IOException {
        byte[] line = JSON.writeValueAsBytes(event);
        lock.lock();
        try {
            out.write(line);
            out.write('\n');
            dirty = true;
        } finally {
            lock.unlock();
        }
        completion.succeeded();
    }

    @Override
    public void flush() throws IOException {
        lock.lock();
        try {
            if (dirty) {
                out.flush();
                dirty = false;
            }
        } finally {
            lock.unlock();
        }
    }

    private void flushQuietly() {
        try {
            flush();
            context.health().connected();
        } catch (IOException e) {
            context.health().disconnected("cannot write: " + e.getMessage());
            context.logger().warn("Flushing file publisher {} failed: {}", context.componentName(), e.toString());
        }
    }

    @Override
    public void close() {
        if (flusher != null) {
            flusher.shutdownNow();
        }
        if (out == null) {
            return;
        }
        lock.lock();
        try {
            out.close();
        } catch (IOException e) {
            context.logger().warn("Closing file publisher {} failed: {}", context.componentName(), e.toString());
        } finally {
            lock.unlock();
        }
    }
}
