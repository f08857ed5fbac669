package io.dishtayantra.runtime.connector.mem;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The process-wide in-memory broker behind {@code mem://} URIs, so DAGs in one process can be
 * chained. A queue delivers each event to one of its subscribers. A topic delivers each event to
 * every subscriber registered when it is published, so events published while a topic has no
 * subscriber reach no one. Full channels block publishers; nothing is dropped.
 *
 * <p>The first connector to open a queue sets its capacity; a topic's capacity is per subscriber.
 * Thread-safe.
 */
public final class MemBroker {

    private static final MemBroker SHARED = new MemBroker();

    private final Map<String, MemChannel> queues = new ConcurrentHashMap<>();
    private final Map<String, List<MemChannel>> topics = new ConcurrentHashMap<>();

    /** The broker every mem connector of this process uses. */
    public static MemBroker shared() {
        return SHARED;
    }

    MemChannel queue(String name, int capacity) {
        return queues.computeIfAbsent(name, ignored -> new MemChannel(capacity));
    }

    List<MemChannel> topicSubscribers(String name) {
        return topics.computeIfAbsent(name, ignored -> new CopyOnWriteArrayList<>());
    }

    MemChannel subscribeTopic(String name, int capacity) {
        MemChannel channel = new MemChannel(capacity);
        topicSubscribers(name).add(channel);
        return channel;
    }

    void unsubscribeTopic(String name, MemChannel channel) {
        topicSubscribers(name).remove(channel);
    }

    /** Number of events waiting in a queue, for tests and diagnostics. */
    public int queueDepth(String name) {
        MemChannel channel = queues.get(name);
        return channel == null ? 0 : channel.size();
    }
}
