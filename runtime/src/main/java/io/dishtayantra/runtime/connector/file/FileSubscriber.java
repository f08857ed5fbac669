package io.dishtayantra.runtime.connector.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.databind.ObjectReader;
import io.dishtayantra.api.connector.ConnectorContext;
import io.dishtayantra.api.connector.EventSink;
import io.dishtayantra.api.connector.Subscriber;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * Reads a file line by line on a thread of its own: JSON Lines (one JSON object per line), or CSV
 * with a header line, each row becoming an object of strings keyed by the header's names.
 *
 * <p>The subscriber saves, in a position file, the byte offset up to which every line has been
 * acknowledged: while running at most once per {@code positionWriteInterval}, then at close, and
 * at once for acknowledgements that arrive after close. It
 * resumes from there on restart, so lines are neither skipped nor read twice after a clean stop;
 * after a crash, lines read but not acknowledged are read again (at-least-once). A file that
 * shrank below the position (truncated or replaced) is read again from its start.
 *
 * <p>NOTE: a CSV field holding a line break inside quotes is not supported; each line is one row.
 */
final class FileSubscriber implements Subscriber {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int READ_BYTES = 64 * 1024;

    private final FileSubscriberSettings settings;
    private Path file;
    private PositionStore positions;
    private CommittedPosition committed;
    private ScheduledExecutorService positionWriter;
    private ConnectorContext context;
    private Logger log;
    private Thread thread;
    private volatile boolean paused;
    private volatile boolean closed;
    private long lastSaved = -1;

    FileSubscriber(FileSubscriberSettings settings) {
        this.settings = settings;
    }

    @Override
    public void start(ConnectorContext context, EventSink sink) throws IOException {
        this.context = context;
        this.log = context.logger();
        file = FileAddress.path(context.uri(), context.baseDirectory());
        Path positionFile = settings.positionFile() != null
                ? (settings.positionFile().isAbsolute() ? settings.positionFile() : context.baseDirectory().resolve(settings.positionFile()))
                : DataDirectory.resolve().resolve("positions").resolve(context.dagName()).resolve(context.componentName() + ".json");
        positions = new PositionStore(positionFile, file);
        long saved = positions.load();
        long start = saved >= 0 ? saved : (settings.fromEnd() && Files.exists(file) ? Files.size(file) : 0);
        committed = new CommittedPosition(start, this::savePosition);
        lastSaved = saved;
        log.info("File subscriber {} reads {} from byte {} ({})", context.componentName(), file, start,
                saved >= 0 ? "saved position in " + positionFile : "no saved position");

        long writeMillis = settings.positionWriteInterval().toMillis();
        positionWriter = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("file-position-" + context.dagName() + "-" + context.componentName()).daemon(true).factory());
        positionWriter.scheduleWithFixedDelay(this::savePosition, writeMillis, writeMillis, TimeUnit.MILLISECONDS);

        thread = Thread.ofPlatform()
                .name("file-subscriber-" + context.dagName() + "-" + context.componentName())
                .daemon(true)
                .start(() -> {
                    MDC.put("dag", context.dagName());
                    read(sink, start);
                });
    }

    private void read(EventSink sink, long start) {
        LineReader reader = new LineReader(start);
        while (!closed) {
            try {
                if (!reader.readAvailable(sink)) {
                    LockSupport.parkNanos(this, settings.pollInterval().toNanos());
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                context.health().disconnected("cannot read " + file + ": " + e.getMessage());
                log.warn("File subscriber {} cannot read {}: {}; retrying", context.componentName(), file, e.toString());
                LockSupport.parkNanos(this, TimeUnit.SECONDS.toNanos(1));
            }
        }
    }

    /** Reads lines from a byte offset, remembering a partial last line until its newline arrives. */
    private final class LineReader {

        private final ByteBuffer buffer = ByteBuffer.allocate(READ_BYTES);
        private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
        private long readOffset;
        private long lineStart;
        private boolean finished;
        private String[] header;
        private ObjectReader csvReader;

        LineReader(long start) {
            this.readOffset = start;
            this.lineStart = start;
        }

        /** Delivers every complete line available; returns false when there was nothing new. */
        boolean readAvailable(EventSink sink) throws IOException, InterruptedException {
            if (finished || paused) {
                return false;
            }
            if (!Files.exists(file)) {
                context.health().disconnected(file + " does not exist yet");
                return false;
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                context.health().connected();
                long size = channel.size();
                if (size < readOffset) {
                    log.warn("File subscriber {}: {} shrank to {} bytes, below position {}; reading it again from the start",
                            context.componentName(), file, size, readOffset);
                    readOffset = 0;
                    lineStart = 0;
                    partial.reset();
                    header = null;
                    committed.reset(0);
                }
                if (settings.csv() && header == null && lineStart > 0) {
                    readHeader(channel);
                }
                if (size == readOffset) {
                    return finishAtEnd(sink);
                }
                while (!closed && !paused) {
                    buffer.clear();
                    int read = channel.read(buffer, readOffset);
                    if (read <= 0) {
                        break;
                    }
                    readOffset += read;
                    deliverLines(sink, buffer.array(), read);
                }
                return true;
            }
        }

        private boolean finishAtEnd(EventSink sink) throws InterruptedException {
            if (settings.follow() || partial.size() == 0) {
                if (!settings.follow()) {
                    finished = true;
                }
                return false;
            }
            // Without follow, a last line with no newline is complete at the end of the file.
            byte[] line = partial.toByteArray();
            partial.reset();
            deliver(sink, line, readOffset);
            finished = true;
            return true;
        }

        private void deliverLines(EventSink sink, byte[] bytes, int length) throws InterruptedException {
            int from = 0;
            long chunkStart = readOffset - length;
            for (int i = 0; i < length; i++) {
                if (bytes[i] != '\n') {
                    continue;
                }
                byte[] line;
                if (partial.size() > 0) {
                    partial.write(bytes, from, i - from);
                    line = partial.toByteArray();
                    partial.reset();
                } else {
                    line = Arrays.copyOfRange(bytes, from, i);
                }
                from = i + 1;
                deliver(sink, line, chunkStart + from);
            }
            partial.write(bytes, from, length - from);
        }

        /** Hands one line, ending at {@code endOffset}, to the sink; blank lines and the header are acknowledged at once. */
        private void deliver(EventSink sink, byte[] line, long endOffset) throws InterruptedException {
            int length = line.length;
            if (length > 0 && line[length - 1] == '\r') {
                length--;
            }
            String text = new String(line, 0, length, StandardCharsets.UTF_8);
            CommittedPosition.Line acknowledgement = committed.register(endOffset);
            lineStart = endOffset;
            if (text.isBlank()) {
                acknowledgement.acknowledge();
                return;
            }
            Map<String, Object> event;
            try {
                if (settings.csv() && header == null) {
                    header = parseCsv(text);
                    acknowledgement.acknowledge();
                    return;
                }
                event = settings.csv() ? csvRow(text) : jsonObject(text);
            } catch (IOException | IllegalArgumentException e) {
                sink.reject(Arrays.copyOf(line, length), "line ending at byte " + endOffset + " of " + file
                        + " is not a valid " + (settings.csv() ? "CSV row" : "JSON object") + ": " + message(e));
                acknowledgement.acknowledge();
                return;
            }
            sink.accept(event, acknowledgement);
        }

        private void readHeader(FileChannel channel) throws IOException {
            ByteArrayOutputStream first = new ByteArrayOutputStream();
            ByteBuffer chunk = ByteBuffer.allocate(4096);
            long offset = 0;
            while (true) {
                chunk.clear();
                int read = channel.read(chunk, offset);
                if (read <= 0) {
                    break;
                }
                int newline = -1;
                for (int i = 0; i < read; i++) {
                    if (chunk.array()[i] == '\n') {
                        newline = i;
                        break;
                    }
                }
                first.write(chunk.array(), 0, newline < 0 ? read : newline);
                if (newline >= 0) {
                    break;
                }
                offset += read;
            }
            header = parseCsv(first.toString(StandardCharsets.UTF_8).strip());
        }

        private String[] parseCsv(String line) throws IOException {
            if (csvReader == null) {
                csvReader = new CsvMapper().readerFor(String[].class)
                        .with(CsvSchema.emptySchema().withColumnSeparator(settings.delimiter()));
            }
            return csvReader.readValue(line);
        }

        private Map<String, Object> csvRow(String text) throws IOException {
            String[] values = parseCsv(text);
            if (values.length > header.length) {
                throw new IllegalArgumentException("it has " + values.length + " fields but the header has " + header.length);
            }
            Map<String, Object> row = new LinkedHashMap<>(header.length * 2);
            for (int i = 0; i < values.length; i++) {
                row.put(header[i], values[i]);
            }
            return row;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> jsonObject(String text) throws IOException {
        Object value = JSON.readValue(text, Object.class);
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("it is a JSON " + (value instanceof java.util.List<?> ? "array" : "value")
                    + ", not an object");
        }
        return (Map<String, Object>) value;
    }

    private static String message(Exception e) {
        return e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
    }

    /** Saves the committed position when it moved since the last save. */
    private synchronized void savePosition() {
        long position = committed.committed();
        if (position == lastSaved) {
            return;
        }
        try {
            positions.save(position);
            lastSaved = position;
        } catch (IOException e) {
            log.warn("File subscriber {} cannot save its position to {}: {}", context.componentName(),
                    positions.positionFile(), e.toString());
        }
    }

    @Override
    public void pause() {
        paused = true;
    }

    @Override
    public void resume() {
        paused = false;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    @Override
    public void close() {
        closed = true;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (positionWriter != null) {
            positionWriter.shutdownNow();
        }
        if (committed != null) {
            committed.close();
            savePosition();
        }
    }
}
