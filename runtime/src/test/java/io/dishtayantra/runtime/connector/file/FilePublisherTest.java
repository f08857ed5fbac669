package io.dishtayantra.runtime.connector.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dishtayantra.api.connector.Completion;
import io.dishtayantra.runtime.connector.testing.TestConnectorContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks that the file publisher completes an event only once its line reached the file. */
class FilePublisherTest {

    @TempDir
    Path folder;

    /** Records the outcome a publisher reports for one event. */
    private static final class RecordingCompletion implements Completion {
        final AtomicInteger successes = new AtomicInteger();
        final AtomicReference<Throwable> failure = new AtomicReference<>();

        @Override
        public void succeeded() {
            successes.incrementAndGet();
        }

        @Override
        public void failed(Throwable cause) {
            failure.set(cause);
        }
    }

    private static TestConnectorContext context(Path file) {
        return TestConnectorContext.of("dag", "p", file.toUri().toString(), Map.of());
    }

    @Test
    void publishCompletesOnlyAfterFlush() throws Exception {
        Path file = folder.resolve("out.jsonl");
        RecordingCompletion completion = new RecordingCompletion();
        try (FilePublisher publisher = new FilePublisher(Duration.ofHours(1))) {
            publisher.start(context(file));
            publisher.publish(Map.of("id", 1), completion);

            assertThat(completion.successes.get()).isZero();
            assertThat(Files.size(file)).isZero();

            publisher.flush();

            assertThat(completion.successes.get()).isEqualTo(1);
            assertThat(Files.readString(file)).isEqualTo("{\"id\":1}\n");
        }
    }

    @Test
    void failedWriteFailsPendingEvents() throws Exception {
        Path full = Path.of("/dev/full");
        assertThat(Files.isWritable(full)).as("this test needs the Linux device /dev/full").isTrue();
        RecordingCompletion first = new RecordingCompletion();
        RecordingCompletion second = new RecordingCompletion();
        try (FilePublisher publisher = new FilePublisher(Duration.ofHours(1))) {
            publisher.start(TestConnectorContext.of("dag", "p", "file:///dev/full", Map.of()));
            publisher.publish(Map.of("id", 1), first);
            publisher.publish(Map.of("id", 2), second);

            assertThatThrownBy(publisher::flush).isInstanceOf(IOException.class);

            assertThat(first.successes.get()).isZero();
            assertThat(first.failure.get()).isInstanceOf(IOException.class);
            assertThat(second.successes.get()).isZero();
            assertThat(second.failure.get()).isInstanceOf(IOException.class);
        }
    }

    @Test
    void fullBufferIsWrittenDuringPublish() throws Exception {
        Path file = folder.resolve("big.jsonl");
        RecordingCompletion last = new RecordingCompletion();
        try (FilePublisher publisher = new FilePublisher(Duration.ofHours(1))) {
            publisher.start(context(file));
            String text = "x".repeat(1000);
            for (int i = 0; i < 200; i++) {
                publisher.publish(Map.of("text", text), i == 199 ? last : new RecordingCompletion());
            }

            assertThat(Files.size(file)).isGreaterThan(0);

            publisher.flush();

            assertThat(last.successes.get()).isEqualTo(1);
            assertThat(Files.readAllLines(file)).hasSize(200);
        }
    }
}
