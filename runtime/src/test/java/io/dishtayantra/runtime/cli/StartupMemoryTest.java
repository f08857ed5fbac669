package io.dishtayantra.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
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

    @Test
    void releaseSetsHeapFlagsLeftAtDefault() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        VMOption maxBefore = vm.getVMOption("MaxHeapFreeRatio");
        VMOption intervalBefore = vm.getVMOption("G1PeriodicGCInterval");

        StartupMemory.release();

        // A test JVM started with either flag keeps its value; one started without them gets the runtime's.
        String expectedMax = maxBefore.getOrigin() == VMOption.Origin.DEFAULT ? "30" : maxBefore.getValue();
        String expectedInterval = intervalBefore.getOrigin() == VMOption.Origin.DEFAULT ? "30000" : intervalBefore.getValue();
        assertThat(vm.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo(expectedMax);
        assertThat(vm.getVMOption("G1PeriodicGCInterval").getValue()).isEqualTo(expectedInterval);
        if (maxBefore.getOrigin() == VMOption.Origin.DEFAULT) {
            assertThat(vm.getVMOption("MinHeapFreeRatio").getValue()).isEqualTo("10");
        }
    }
}
