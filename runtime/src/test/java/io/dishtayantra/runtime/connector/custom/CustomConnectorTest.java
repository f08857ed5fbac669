package io.dishtayantra.runtime.connector.custom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.dishtayantra.api.connector.Completion;
import io.dishtayantra.api.connector.ConnectorContext;
import io.dishtayantra.api.connector.EventSink;
import io.dishtayantra.api.connector.Publisher;
import io.dishtayantra.api.connector.Subscriber;
import io.dishtayantra.runtime.connector.testing.CollectingSink;
import io.dishtayantra.runtime.connector.testing.RecordingCompletion;
import io.dishtayantra.runtime.connector.testing.TestConnectorContext;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class CustomConnectorTest {

    /** A user subscriber that emits {@code count} events from its config. */
    public static final class CountingSubscriber implements Subscriber {
        private Thread thread;

        @Override
        public void start(ConnectorContext context, EventSink sink) {
            int count = ((Number) context.config().get("count")).intValue();
            thread = Thread.ofPlatform().start(() -> {
                try {
                    for (int i = 0; i < count; i++) {
                        sink.accept(Map.of("n", i), () -> { });
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }

        @Override
        public void pause() {
        }

        @Override
        public void resume() {
        }

        @Override
        public void close() {
            thread.interrupt();
        }
    }

    /** A user publisher that keeps what it was given. */
    public static final class ListPublisher implements Publisher {
        static final List<Map<String, Object>> PUBLISHED = new CopyOnWriteArrayList<>();

        @Override
        public void start(ConnectorContext context) {
        }

        @Override
        public void publish(Map<String, Object> event, Completion completion) {
            PUBLISHED.add(event);
            completion.succeeded();
        }

        @Override
        public void close() {
        }
    }

    private final CustomConnectorKind kind = new CustomConnectorKind();

    @Test
    void userSubscriberClassDeliversEvents() throws Exception {
        String uri = "custom://" + CountingSubscriber.class.getName();
        CollectingSink sink = CollectingSink.acknowledging();
        try (Subscriber subscriber = kind.createSubscriber(URI.create(uri), Map.of("count", 3))) {
            subscriber.start(TestConnectorContext.of("dag", "in", uri, Map.of("count", 3)), sink);
            await().atMost(Duration.ofSeconds(5)).until(() -> sink.events.size() == 3);
        }
        assertThat(sink.field("n")).containsExactly(0, 1, 2);
    }

    @Test
    void userPublisherClassReceivesEvents() throws Exception {
        String uri = "custom://" + ListPublisher.class.getName();
        try (Publisher publisher = kind.createPublisher(URI.create(uri), Map.of())) {
            publisher.start(TestConnectorContext.of("dag", "out", uri, Map.of()));
            RecordingCompletion completion = new RecordingCompletion();
            publisher.publish(Map.of("k", "v"), completion);
            completion.await(1);
        }
        assertThat(ListPublisher.PUBLISHED).containsExactly(Map.of("k", "v"));
    }

    @Test
    void wrongInterfaceIsReported() {
        String uri = "custom://" + ListPublisher.class.getName();
        assertThatThrownBy(() -> kind.createSubscriber(URI.create(uri), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not implement io.dishtayantra.api.connector.Subscriber");
    }

    @Test
    void missingClassIsReported() {
        assertThatThrownBy(() -> kind.createPublisher(URI.create("custom://com.example.Missing"), Map.of()))
                .isInstanceOf(ClassNotFoundException.class)
                .hasMessageContaining("put its jar in the plugin folder");
    }

    @Test
    void unqualifiedNameIsInvalid() {
        assertThat(kind.validate(URI.create("custom://Thing"), Map.of(), true, "spec.subscribers[2]"))
                .extracting(Object::toString).singleElement().asString()
                .startsWith("spec.subscribers[2].uri (custom://Thing): Expected custom://CLASS");
    }
}
