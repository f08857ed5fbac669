package io.dishtayantra.runtime.http.logs;

import io.dishtayantra.runtime.http.HttpSettings;
import io.dishtayantra.runtime.http.api.ApiException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.SystemFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Recent log lines with level filter and search, and download of the log file (admin only). */
@Controller("/api/v1/logs")
@ExecuteOn(TaskExecutors.BLOCKING)
public class LogController {

    /** The maximum lines one request returns. */
    public static final int MAX_LIMIT = 5_000;

    private final LogBuffer buffer;
    private final HttpSettings settings;

    /** A page of log lines. {@code logFile} is true when {@code /api/v1/logs/file} has a file to download. */
    public record LogPage(List<LogLine> lines, long appended, boolean logFile) {
    }

    public LogController(LogBuffer buffer, HttpSettings settings) {
        this.buffer = buffer;
        this.settings = settings;
    }

    /**
     * Recent lines, oldest first.
     *
     * @param level lowest level shown: TRACE, DEBUG, INFO, WARN or ERROR
     * @param q text the message, logger or error contains, ignoring case
     * @param after only lines with a sequence number above this
     * @param limit the maximum number of lines, 1 to {@value #MAX_LIMIT}
     */
    @Get
    public LogPage lines(@QueryValue(defaultValue = "") String level, @QueryValue(defaultValue = "") String q,
            @QueryValue(defaultValue = "0") long after, @QueryValue(defaultValue = "500") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("Query parameter 'limit' is " + limit + "; use 1 to " + MAX_LIMIT + ".");
        }
        try {
            List<LogLine> lines = buffer.query(level.isBlank() ? null : level, q, after, limit);
            return new LogPage(lines, buffer.appended(), logFile() != null);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Query parameter 'level': " + e.getMessage());
        }
    }

    /** Sends the whole log file as an attachment, or 404 when logs go only to the console. */
    @Get(value = "/file", produces = MediaType.TEXT_PLAIN)
    public HttpResponse<SystemFile> file() {
        Path file = logFile();
        if (file == null) {
            throw new ApiException(HttpStatus.NOT_FOUND, "not_found",
                    "No log file is configured; set " + HttpSettings.LOG_FILE_VARIABLE + " or add a file appender to logback.xml.");
        }
        return HttpResponse.ok(new SystemFile(file.toFile(), MediaType.TEXT_PLAIN_TYPE).attach(file.getFileName().toString()));
    }

    private Path logFile() {
        Path file = settings.logFile() != null ? settings.logFile() : LogBuffer.configuredLogFile();
        return file != null && Files.isRegularFile(file) ? file : null;
    }
}
