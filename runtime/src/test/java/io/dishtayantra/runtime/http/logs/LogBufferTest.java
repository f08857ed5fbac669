package io.dishtayantra.runtime.http.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogBufferTest {

    private final LoggerContext context = new LoggerContext();

    private void log(LogBuffer buffer, Level level, String message) {
        LoggingEvent event = new LoggingEvent("test", context.getLogger("io.example.Service"), level, message, null, null);
        buffer.doAppend(event);
    }

    private LogBuffer started(int capacity) {
        LogBuffer buffer = new LogBuffer(capacity);
        buffer.setContext(context);
        buffer.start();
        return buffer;
    }

    @Test
    void keepsNewestLinesWhenFull() {
        LogBuffer buffer = started(3);
        for (int i = 1; i <= 5; i++) {
            log(buffer, Level.INFO, "line " + i);
        }
        List<LogLine> lines = buffer.query(null, null, 0, 10);
        assertThat(lines).extracting(LogLine::message).containsExactly("line 3", "line 4", "line 5");
        assertThat(lines).extracting(LogLine::sequence).containsExactly(3L, 4L, 5L);
        assertThat(buffer.appended()).isEqualTo(5);
    }

    @Test
    void levelFilterKeepsThatLevelAndAbove() {
        LogBuffer buffer = started(10);
        log(buffer, Level.DEBUG, "debug");
        log(buffer, Level.INFO, "info");
        log(buffer, Level.WARN, "warn");
        log(buffer, Level.ERROR, "error");
        assertThat(buffer.query("WARN", null, 0, 10)).extracting(LogLine::message).containsExactly("warn", "error");
    }

    @Test
    void searchIgnoresCaseAndMatchesLogger() {
        LogBuffer buffer = started(10);
        log(buffer, Level.INFO, "DAG orders started");
        log(buffer, Level.INFO, "DAG quotes started");
        assertThat(buffer.query(null, "ORDERS", 0, 10)).extracting(LogLine::message).containsExactly("DAG orders started");
        assertThat(buffer.query(null, "example.service", 0, 10)).hasSize(2);
    }

    @Test
    void limitReturnsNewest() {
        LogBuffer buffer = started(10);
        for (int i = 1; i <= 5; i++) {
            log(buffer, Level.INFO, "line " + i);
        }
        assertThat(buffer.query(null, null, 0, 2)).extracting(LogLine::message).containsExactly("line 4", "line 5");
        assertThat(buffer.query(null, null, 4, 10)).extracting(LogLine::message).containsExactly("line 5");
    }

    @Test
    void unknownLevelIsRejected() {
        assertThatThrownBy(() -> started(1).query("LOUD", null, 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LOUD");
    }
}
