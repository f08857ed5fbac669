package io.dishtayantra.runtime.connector.file;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dishtayantra.api.connector.Completion;
import io.dishtayantra.api.connector.ConnectorContext;
import io.dishtayantra.api.connector.Publisher;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Appends each event to a file as one line of compact JSON (JSON Lines). Lines are collected in a
 * buffer and written to the file on {@link #flush}, on {@link #close}, when the buffer fills, and at
 * least every {@code flushInterval}.
 *
 * <p>An event completes only after the write that contains its line returned, so the line is in the
 * operating system's page cache before its source is acknowledged: a killed process loses no
 * acknowledged event. The file is not forced to the device, so a power loss or kernel crash can
 * still lose the lines of the last few seconds. When a write fails (a full disk, say), every event
 * in that write fails, the engine publishes each again after a backoff, and any bytes of the failed
 * write are truncated away where the file allows it.
 */
final class FilePublisher implements Publisher {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BUFFER_BYTES = 64 * 1024;

    private final Duration flushInterval;
    private final ReentrantLock lock = new ReentrantLock();
    private FileChannel channel;
    private ScheduledExecutorService flusher;
    private ConnectorContext context;

    // Guarded by lock: the lines not yet written and the completions waiting for them, in order.
    private byte[] buffer = new byte[BUFFER_BYTES];
    private int length;
    private List<Completion> pending = new ArrayList<>();

    FilePublisher(Duration flushInterval) {
        this.flushInterval = flushInterval;
    }

    /** The completions of one write and its failure, or null when the write succeeded. */
    private record Written(List<Completion> completions, IOException failure) {

        static final Written NOTHING = new Written(List.of(), null);

        void complete() {
            for (Completion completion : completions) {
                if (failure == null) {
                    completion.succeeded();
                } else {
                    completion.failed(failure);
                }
            }
        }
    }

    @Override
    public void start(ConnectorContext context) throws IOException {
        this.context = context;
        Path path = FileAddress.path(context.uri(), context.baseDirectory());
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        flusher = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("file-flush-" + context.dagName() + "-" + context.componentName()).daemon(true).factory());
        long millis = flushInterval.toMillis();
        flusher.scheduleWithFixedDelay(this::flushQuietly, millis, millis, TimeUnit.MILLISECONDS);
        context.health().connected();
    }

    /**
     * Adds the event's line to the buffer. {@code completion} is called after the write that
     * contains the line: on this thread when the line fills the buffer, otherwise on the flush
     * thread or the thread that calls {@link #flush}.
     */
    @Override
    public void publish(Map<String, Object> event, Completion completion) throws IOException {
        byte[] line = JSON.writeValueAsBytes(event);
        Written written = Written.NOTHING;
        lock.lock();
        try {
            append(line);
            pending.add(completion);
            if (length >= BUFFER_BYTES) {
                written = write();
            }
        } finally {
            lock.unlock();
        }
        written.complete();
    }

    private void append(byte[] line) {
        int needed = length + line.length + 1;
        if (needed > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(needed, buffer.length * 2));
        }
        System.arraycopy(line, 0, buffer, length, line.length);
        buffer[length + line.length] = '\n';
        length = needed;
    }

    /** Writes the buffer to the file and hands back its completions; called with the lock held. */
    private Written write() {
        if (pending.isEmpty()) {
            return Written.NOTHING;
        }
        List<Completion> completions = pending;
        pending = new ArrayList<>();
        long sizeBefore = -1;
        try {
            sizeBefore = channel.size();
            ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, length);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            return new Written(completions, null);
        } catch (IOException e) {
            removePartialWrite(sizeBefore);
            return new Written(completions, e);
        } finally {
            length = 0;
            if (buffer.length > BUFFER_BYTES) {
                buffer = new byte[BUFFER_BYTES];
            }
        }
    }

    /** Cuts a half-written batch off the file, so its events, published again, appear once. */
    private void removePartialWrite(long sizeBefore) {
        if (sizeBefore < 0) {
            return;
        }
        try {
            if (channel.size() > sizeBefore) {
                channel.truncate(sizeBefore);
            }
        } catch (IOException | UnsupportedOperationException e) {
            context.logger().warn("File publisher {} cannot remove a partly written batch; the file may hold a "
                    + "broken line: {}", context.componentName(), e.toString());
        }
    }

    /**
     * Writes the buffered lines and completes their events.
     *
     * @throws IOException when the write failed; the events of that write were failed first
     */
    @Override
    public void flush() throws IOException {
        Written written;
        lock.lock();
        try {
            written = write();
        } finally {
            lock.unlock();
        }
        written.complete();
        if (written.failure() != null) {
            throw written.failure();
        }
    }

    private void flushQuietly() {
        try {
            flush();
            context.health().connected();
        } catch (IOException e) {
            context.health().disconnected("cannot write: " + e.getMessage());
            context.logger().warn("Writing file publisher {} failed; its events are published again: {}",
                    context.componentName(), e.toString());
        } catch (RuntimeException e) {
            context.logger().warn("Flushing file publisher {} failed: {}", context.componentName(), e.toString());
        }
    }

    @Override
    public void close() {
        if (flusher != null) {
            flusher.shutdownNow();
        }
        if (channel == null) {
            return;
        }
        try {
            flush();
        } catch (IOException e) {
            context.logger().warn("Writing file publisher {} at close failed: {}", context.componentName(), e.toString());
        }
        lock.lock();
        try {
            channel.close();
        } catch (IOException e) {
            context.logger().warn("Closing file publisher {} failed: {}", context.componentName(), e.toString());
        } finally {
            lock.unlock();
        }
    }
}
