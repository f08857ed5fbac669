package io.dishtayantra.runtime.connector.mem;

import static org.assertj.core.api.Assertions.assertThat;

import io.dishtayantra.api.connector.Completion;
import io.dishtayantra.api.connector.Publisher;
import io.dishtayantra.runtime.connector.testing.TestConnectorContext;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checks that events published to a topic nobody subscribes to are counted. */
class MemTopicDropTest {

    private static final Completion IGNORE = new Completion() {
        @Override
        public void succeeded() {
        }

        @Override
        public void failed(Throwable cause) {
        }
    };

    @Test
    void topicWithoutSubscriberCountsDrops() throws Exception {
        MemConnectorKind kind = new MemConnectorKind(new MemBroker());
        TestConnectorContext context = TestConnectorContext.of("dag", "p", "mem://topic/lonely", Map.of());
        try (Publisher publisher = kind.createPublisher(URI.create("mem://topic/lonely"), Map.of())) {
            publisher.start(context);

            publisher.publish(Map.of("id", 1), IGNORE);
            publisher.publish(Map.of("id", 2), IGNORE);
        }

        assertThat(context.metrics().count(MemPublisher.UNSUBSCRIBED_COUNTER)).isEqualTo(2);
    }
}
