package io.dishtayantra.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} with a TimeWindow document next to a DAG that references it. The windows are placed
 * relative to the real UTC time, hours away from their boundaries, so the outcome does not depend
 * on when the test runs.
 */
class RunCommandWindowTest {

    @TempDir
    Path folder;

    private static String clock(LocalTime time) {
        return time.truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private void write(String start, String end, String ref) throws Exception {
        Files.writeString(folder.resolve("window.yaml"), """
                apiVersion: dishtayantra.io/v1alpha1
                kind: TimeWindow
                metadata: {name: desk-hours}
                spec: {timeZone: UTC, start: "START", end: "END"}
                """.replace("START", start).replace("END", end));
        Files.writeString(folder.resolve("ticks.yaml"), """
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: ticks}
                spec:
                  timeWindowRef: REF
                  publishers: [{name: out, uri: "file://out/ticks.jsonl"}]
                  nodes:
                    - {name: tick, type: Metronome, interval: 100ms, publishers: [out]}
                """.replace("REF", ref));
    }

    private long ticksWritten() throws Exception {
        Path out = folder.resolve("out/ticks.jsonl");
        return Files.exists(out) ? Files.readAllLines(out).stream().filter(line -> !line.isBlank()).count() : 0;
    }

    @Test
    void openWindowRunsDag() throws Exception {
        LocalTime now = LocalTime.now(ZoneOffset.UTC);
        write(clock(now.minusHours(2)), clock(now.plusHours(2)), "desk-hours");

        CommandRunner result = CommandRunner.run(new RunCommand(), "--no-http", "--stop-after", "2s", folder.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(ticksWritten()).isPositive();
    }

    @Test
    void closedWindowKeepsDagSuspended() throws Exception {
        LocalTime now = LocalTime.now(ZoneOffset.UTC);
        write(clock(now.plusHours(3)), clock(now.plusHours(5)), "desk-hours");

        CommandRunner result = CommandRunner.run(new RunCommand(), "--no-http", "--stop-after", "2s", folder.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(ticksWritten()).isZero();
    }

    @Test
    void embeddedWindowIsHonoured() throws Exception {
        LocalTime now = LocalTime.now(ZoneOffset.UTC);
        Files.writeString(folder.resolve("ticks.yaml"), """
                apiVersion: dishtayantra.io/v1alpha1
                kind: DAG
                metadata: {name: ticks}
                spec:
                  timeWindow: {timeZone: UTC, start: "START", end: "END"}
                  publishers: [{name: out, uri: "file://out/ticks.jsonl"}]
                  nodes:
                    - {name: tick, type: Metronome, interval: 100ms, publishers: [out]}
                """.replace("START", clock(now.plusHours(3))).replace("END", clock(now.plusHours(5))));

        CommandRunner result = CommandRunner.run(new RunCommand(), "--no-http", "--stop-after", "2s", folder.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(ticksWritten()).isZero();
    }

    @Test
    void missingTimeWindowIsReported() throws Exception {
        LocalTime now = LocalTime.now(ZoneOffset.UTC);
        write(clock(now.minusHours(2)), clock(now.plusHours(2)), "night-hours");

        CommandRunner result = CommandRunner.run(new RunCommand(), "--no-http", "--stop-after", "1s", folder.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("spec.timeWindowRef (night-hours)").contains("TimeWindow not found");
    }
}
