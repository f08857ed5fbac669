package io.dishtayantra.runtime.connector.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.databind.ObjectReader;
import io.dishtayantra.api.connector.ConnectorContext;
import io.dishtayantra.api.connector.EventSink;
import io.dishtayantra.api.connector.Subscriber;
import io.dishtayantra.runtime.connector.codec.FiniteNumbers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
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
 * after a crash, lines read but not acknowledged are read again (at-least-once). A file that was
 * replaced (its file key, the inode on Linux, changed), that shrank below the position, or whose
 * byte before the position is no longer a line end (truncated and written again) is read again
 * from its start, with a warning.
 *
 * <p>NOTE: the file key is compared only while running, and lines appended to the old file after
 * the last read before a rename are not read. A file replaced while the DAG was stopped, by one at
 * least as large, is read from the saved position unless that position no longer follows a newline.
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
    private String owner;

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
        owner = "subscriber " + context.componentName() + " of DAG " + context.dagName();
        PositionFileClaims.claim(positionFile, owner);
        positions = new PositionStore(positionFile, file);
        long saved;
        try {
            saved = positions.load();
            if (settings.csv()) {
                checkExistingHeader();
            }
        } catch (IOException | RuntimeException e) {
            PositionFileClaims.release(positionFile, owner);
            throw e;
        }
        long start = saved >= 0 ? saved : (settings.fromEnd() && Files.exists(file) ? Files.size(file) : 0);
        committed = new CommittedPosition(start, this::savePosition);
        lastSaved = saved;
        log.info("File subscriber {} reads {} from byte {} ({})", context.componentName(), file, start,
                saved >= 0 ? "saved position in " + positionFile
                        : positions.otherFile() != null ? "the saved position in " + positionFile + " is for another file, "
                                + positions.otherFile() : "no saved position");

        long writeMillis = settings.positionWriteInterval().toMillis();
        positionWriter = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("file-position-" + context.dagName() + "-" + context.componentName()).daemon(true).factory());
        positionWriter.scheduleWithFixedDelay(this::savePosition, writeMillis, writeMillis, TimeUnit.MILLISECONDS);

        thread = Thread.ofPlatform()
                .name("file-subscriber-" + context.dagName() + "-" + context.componentName())
                .daemon(true)
                .start(() -> {
                    MDC.put("dag", context.dagName());
                    read(sink, start, saved >= 0);
                });
    }

    private void read(EventSink sink, long start, boolean startsAfterNewline) {
        LineReader reader = new LineReader(start, startsAfterNewline);
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
        private Object fileKey;
        // False while lineStart may be mid-line: a start at the end of a file whose last line has no newline yet.
        private boolean lineStartAfterNewline;

        LineReader(long start, boolean startsAfterNewline) {
            this.readOffset = start;
            this.lineStart = start;
            this.lineStartAfterNewline = startsAfterNewline;
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
                Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
                if (fileKey != null && key != null && !fileKey.equals(key)) {
                    restartFromBeginning("was replaced by a new file (rotated)", size);
                } else if (size < readOffset) {
                    restartFromBeginning("shrank to " + size + " bytes, below position " + readOffset, size);
                } else if (rewrittenBeforeLineStart(channel)) {
                    restartFromBeginning("was rewritten: the byte before position " + lineStart + " is no longer a line end", size);
                }
                fileKey = key;
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

        /** Starts over at byte 0 of the file, forgetting the lines of the old content not yet acknowledged. */
        private void restartFromBeginning(String reason, long size) {
            log.warn("File subscriber {}: {} {}; reading it from the start ({} bytes)", context.componentName(), file,
                    reason, size);
            readOffset = 0;
            lineStart = 0;
            partial.reset();
            header = null;
            committed.reset(0);
        }

        /**
         * Returns true when the file was truncated and written again past the position: a line
         * starts right after a newline, so any other byte before {@code lineStart} means new content.
         */
        private boolean rewrittenBeforeLineStart(FileChannel channel) throws IOException {
            if (lineStart == 0 || !lineStartAfterNewline) {
                return false;
            }
            ByteBuffer previous = ByteBuffer.allocate(1);
            int read = channel.read(previous, lineStart - 1);
            return read == 1 && previous.get(0) != '\n';
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
            lineStartAfterNewline = true;
            if (text.isBlank()) {
                acknowledgement.acknowledge();
                return;
            }
            if (settings.csv() && header == null) {
                acceptHeader(text, acknowledgement);
                return;
            }
            Map<String, Object> event;
            try {
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
            header = headerNames(parseCsv(withoutBom(first.toString(StandardCharsets.UTF_8).strip())), file);
        }

        /** Takes the header line, or stops reading with an error when its names are unusable. */
        private void acceptHeader(String text, CommittedPosition.Line acknowledgement) {
            try {
                header = headerNames(parseCsv(withoutBom(text)), file);
            } catch (IOException | IllegalArgumentException e) {
                finished = true;
                context.health().disconnected("invalid CSV header: " + message(e));
                log.error("File subscriber {} stopped reading {}: {}", context.componentName(), file, message(e));
                return;
            }
            acknowledgement.acknowledge();
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
            if (values.length != header.length) {
                throw new IllegalArgumentException("it has " + values.length + " fields but the header has " + header.length);
            }
            Map<String, Object> row = new LinkedHashMap<>(header.length * 2);
            for (int i = 0; i < values.length; i++) {
                row.put(header[i], values[i]);
            }
            return row;
        }
    }

    /** Removes the UTF-8 byte order mark that some tools write at the start of a file. */
    private static String withoutBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * Checks the names of a CSV header.
     *
     * @throws IllegalArgumentException when a name is empty or appears twice
     */
    static String[] headerNames(String[] names, Path file) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.length; i++) {
            String name = names[i];
            if (name.isBlank()) {
                throw new IllegalArgumentException("The CSV header of " + file + " has an empty name in column " + (i + 1)
                        + "; give every column a name");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("The CSV header of " + file + " has the name '" + name
                        + "' twice (column " + (i + 1) + "); make the column names unique");
            }
        }
        return names;
    }

    /** Reads and checks the header of an existing CSV file, so that a bad header fails the start. */
    private void checkExistingHeader() throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return;
        }
        String first;
        try (java.io.BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            first = reader.readLine();
        }
        if (first == null || first.isBlank()) {
            return;
        }
        String[] names = new CsvMapper().readerFor(String[].class)
                .with(CsvSchema.emptySchema().withColumnSeparator(settings.delimiter())).readValue(withoutBom(first.strip()));
        headerNames(names, file);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> jsonObject(String text) throws IOException {
        Object value = JSON.readValue(text, Object.class);
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("it is a JSON " + (value instanceof java.util.List<?> ? "array" : "value")
                    + ", not an object");
        }
        FiniteNumbers.require(value);
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
        if (positions != null) {
            PositionFileClaims.release(positions.positionFile(), owner);
        }
    }
}
