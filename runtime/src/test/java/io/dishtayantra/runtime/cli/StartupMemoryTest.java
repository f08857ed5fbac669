package io.dishtayantra.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class StartupMemoryTest {

    @Test
    void releaseReportsCommittedHeap() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(StartupMemory.class);
        log.start();
        logger.addAppender(log);
        StartupMemory.Release release;
        try {
            release = StartupMemory.release();
        } finally {
            logger.detachAppender(log);
        }

        assertThat(release.committedBefore()).isPositive();
        assertThat(release.committedAfter()).isPositive();
        assertThat(release.pause().isNegative()).isFalse();
        assertThat(log.list).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                .startsWith("Collected start-up garbage in ")
                .contains("committed heap " + (release.committedAfter() >> 20) + " MiB, was " + (release.committedBefore() >> 20) + " MiB");
    }
}
