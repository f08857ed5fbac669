package io.dishtayantra.runtime.connector.mem;

import io.dishtayantra.api.PluginMetrics;
import io.dishtayantra.api.connector.Completion;
import io.dishtayantra.api.connector.ConnectorContext;
import io.dishtayantra.api.connector.Publisher;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Publishes to an in-memory queue or topic. {@link #publish} blocks while a channel is full and
 * completes synchronously. The event map is handed on as is, not copied: events are immutable by
 * contract once published.
 *
 * <p>An event published to a topic with no subscriber at that moment reaches no one. It is counted
 * in {@value #UNSUBSCRIBED_COUNTER} and logged at most once per {@value #LOG_INTERVAL_SECONDS}
 * seconds with the count since the last report.
 */
final class MemPublisher implements Publisher {

    private final MemBroker broker;
    private final MemAddress address;
    private final int capacity;
    private MemChannel queue;
    private List<MemChannel> topicSubscribers;

    /** The counter of events published to a topic that had no subscriber. */
    static final String UNSUBSCRIBED_COUNTER = "mem_topic_unsubscribed_total";
    private static final long LOG_INTERVAL_SECONDS = 10;

    private ConnectorContext context;
    private PluginMetrics.Counter unsubscribed;
    // Executor thread only: publish is called from there.
    private long unsubscribedSinceLog;
    private long lastLogNanos;

    MemPublisher(MemBroker broker, MemAddress address, int capacity) {
        this.broker = broker;
        this.address = address;
        this.capacity = capacity;
    }

    @Override
    public void start(ConnectorContext context) {
        this.context = context;
        if (address.topic()) {
            topicSubscribers = broker.topicSubscribers(address.name());
            unsubscribed = context.metrics().counter(UNSUBSCRIBED_COUNTER,
                    "Events published to a mem:// topic that had no subscriber, so they reached no one");
        } else {
            queue = broker.queue(address.name(), capacity);
        }
        context.health().connected();
    }

    @Override
    public void publish(Map<String, Object> event, Completion completion) throws InterruptedException {
        if (queue != null) {
            queue.put(event);
        } else if (topicSubscribers.isEmpty()) {
            countUnsubscribed();
        } else {
            for (MemChannel subscriber : topicSubscribers) {
                subscriber.put(event);
            }
        }
        completion.succeeded();
    }

    private void countUnsubscribed() {
        unsubscribed.increment();
        unsubscribedSinceLog++;
        long now = System.nanoTime();
        if (lastLogNanos == 0 || now - lastLogNanos >= TimeUnit.SECONDS.toNanos(LOG_INTERVAL_SECONDS)) {
            context.logger().warn("Publisher {}: {} events to topic {} reached no one, because it has no subscriber; "
                    + "start the subscribing DAG first to receive them", context.componentName(), unsubscribedSinceLog,
                    address.name());
            unsubscribedSinceLog = 0;
            lastLogNanos = now;
        }
    }

    @Override
    public void close() {
    }
}
