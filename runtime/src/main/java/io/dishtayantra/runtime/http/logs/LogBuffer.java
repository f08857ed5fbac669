package io.dishtayantra.runtime.http.logs;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * A Logback appender that keeps the latest {@code capacity} log events in memory for the logs
 * page. Appending costs one lock and one array write; the oldest line is overwritten when full.
 * Thread-safe.
 */
public final class LogBuffer extends AppenderBase<ILoggingEvent> {

    /** Name under which the appender is attached to the root logger. */
    public static final String APPENDER_NAME = "DISHTAYANTRA_LOG_BUFFER";

    /** Lines kept when no capacity is given. */
    public static final int DEFAULT_CAPACITY = 5_000;

    private static final int MAX_MESSAGE_CHARS = 4_000;

    private final LogLine[] lines;
    private long appended;

    public LogBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.lines = new LogLine[capacity];
        setName(APPENDER_NAME);
    }

    /**
     * Attaches a buffer to the root logger, or returns the one already attached, so that several
     * servers in one JVM (tests) share it.
     *
     * @throws IllegalStateException when SLF4J is not bound to Logback
     */
    public static synchronized LogBuffer install() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            throw new IllegalStateException("The logs page needs Logback as the SLF4J backend, found "
                    + LoggerFactory.getILoggerFactory().getClass().getName());
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root.getAppender(APPENDER_NAME) instanceof LogBuffer existing) {
            return existing;
        }
        LogBuffer buffer = new LogBuffer(DEFAULT_CAPACITY);
        buffer.setContext(context);
        buffer.start();
        root.addAppender(buffer);
        return buffer;
    }

    /** Returns the file of the first file appender on the root logger, or null when logs go only to the console. */
    public static Path configuredLogFile() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return null;
        }
        Iterator<Appender<ILoggingEvent>> appenders = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders();
        while (appenders.hasNext()) {
            if (appenders.next() instanceof FileAppender<ILoggingEvent> file && file.getFile() != null) {
                return Path.of(file.getFile());
            }
        }
        return null;
    }

    @Override
    protected void append(ILoggingEvent event) {
        String message = event.getFormattedMessage();
        if (message != null && message.length() > MAX_MESSAGE_CHARS) {
            message = message.substring(0, MAX_MESSAGE_CHARS) + "…";
        }
        IThrowableProxy throwable = event.getThrowableProxy();
        String error = throwable == null ? null : throwable.getClassName() + ": " + throwable.getMessage();
        synchronized (lines) {
            appended++;
            lines[(int) ((appended - 1) % lines.length)] = new LogLine(appended, event.getTimeStamp(),
                    event.getLevel().toString(), event.getLoggerName(), event.getThreadName(), message, error);
        }
    }

    /**
     * Returns the newest lines that match, oldest first.
     *
     * @param minimumLevel lowest level to include, such as WARN; null for all
     * @param search text that the message, logger or error must contain, ignoring case; null for all
     * @param afterSequence only lines with a larger sequence number; 0 for all
     * @param limit the maximum number of lines returned
     */
    public List<LogLine> query(String minimumLevel, String search, long afterSequence, int limit) {
        Level level = minimumLevel == null ? Level.ALL : Level.toLevel(minimumLevel, null);
        if (level == null) {
            throw new IllegalArgumentException("Unknown level '" + minimumLevel + "'; use TRACE, DEBUG, INFO, WARN or ERROR.");
        }
        String needle = search == null || search.isBlank() ? null : search.toLowerCase(Locale.ROOT);
        List<LogLine> snapshot = snapshot();
        List<LogLine> matches = new ArrayList<>();
        for (int i = snapshot.size() - 1; i >= 0 && matches.size() < limit; i--) {
            LogLine line = snapshot.get(i);
            if (line.sequence() > afterSequence && Level.toLevel(line.level()).isGreaterOrEqual(level) && contains(line, needle)) {
                matches.add(line);
            }
        }
        return matches.reversed();
    }

    /** Number of lines appended since the buffer was created, including overwritten ones. */
    public long appended() {
        synchronized (lines) {
            return appended;
        }
    }

    private List<LogLine> snapshot() {
        synchronized (lines) {
            int size = (int) Math.min(appended, lines.length);
            List<LogLine> result = new ArrayList<>(size);
            for (long sequence = appended - size + 1; sequence <= appended; sequence++) {
                result.add(lines[(int) ((sequence - 1) % lines.length)]);
            }
            return result;
        }
    }

    private static boolean contains(LogLine line, String needle) {
        if (needle == null) {
            return true;
        }
        return lower(line.message()).contains(needle) || lower(line.logger()).contains(needle) || lower(line.error()).contains(needle);
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
