package io.dishtayantra.runtime.connector.mem;

import io.dishtayantra.api.connector.Completion;
import io.dishtayantra.api.connector.ConnectorContext;
import io.dishtayantra.api.connector.Publisher;
import java.util.List;
import java.util.Map;

/**
 * Publishes to an in-memory queue or topic. {@link #publish} blocks while a channel is full and
 * completes synchronously. The event map is handed on as is, not copied: events are immutable by
 * contract once published.
 */
final class MemPublisher implements Publisher {

    private final MemBroker broker;
    private final MemAddress address;
    private final int capacity;
    private MemChannel queue;
    private List<MemChannel> topicSubscribers;

    MemPublisher(MemBroker broker, MemAddress address, int capacity) {
        this.broker = broker;
        this.address = address;
        this.capacity = capacity;
    }

    @Override
    public void start(ConnectorContext context) {
        if (address.topic()) {
            topicSubscribers = broker.topicSubscribers(address.name());
        } else {
            queue = broker.queue(address.name(), capacity);
        }
        context.health().connected();
    }

    @Override
    public void publish(Map<String, Object> event, Completion completion) throws InterruptedException {
        if (queue != null) {
            queue.put(event);
        } else {
            for (MemChannel subscriber : topicSubscribers) {
                subscriber.put(event);
            }
        }
        completion.succeeded();
    }

    @Override
    public void close() {
    }
}
