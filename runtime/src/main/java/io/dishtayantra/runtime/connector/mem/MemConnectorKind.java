package io.dishtayantra.runtime.connector.mem;

import io.dishtayantra.api.connector.Publisher;
import io.dishtayantra.api.connector.Subscriber;
import io.dishtayantra.crd.validation.ValidationProblem;
import io.dishtayantra.runtime.config.ConfigReader;
import io.dishtayantra.runtime.connector.ConnectorKind;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scheme {@code mem}: in-memory queues and topics shared by the DAGs of one process.
 *
 * <p>Config: {@code capacity} (events, default 10000): the queue's bound, or for a topic the bound
 * of each subscriber's buffer. A full channel blocks publishers.
 */
public final class MemConnectorKind implements ConnectorKind {

    /** Default channel capacity in events. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private final MemBroker broker;

    public MemConnectorKind() {
        this(MemBroker.shared());
    }

    MemConnectorKind(MemBroker broker) {
        this.broker = broker;
    }

    @Override
    public Set<String> schemes() {
        return Set.of("mem");
    }

    @Override
    public Subscriber createSubscriber(URI uri, Map<String, Object> config) {
        return new MemSubscriber(broker, MemAddress.parse(uri), capacity(config));
    }

    @Override
    public Publisher createPublisher(URI uri, Map<String, Object> config) {
        return new MemPublisher(broker, MemAddress.parse(uri), capacity(config));
    }

    @Override
    public List<ValidationProblem> validate(URI uri, Map<String, Object> config, boolean asSubscriber, String path) {
        List<ValidationProblem> problems = new ArrayList<>();
        try {
            MemAddress.parse(uri);
        } catch (IllegalArgumentException e) {
            problems.add(new ValidationProblem(path + ".uri", uri.toString(), e.getMessage()));
        }
        ConfigReader reader = new ConfigReader(config, path + ".config");
        reader.rejectUnknownKeys(Set.of("capacity"));
        reader.positiveInt("capacity", DEFAULT_CAPACITY);
        problems.addAll(reader.problems());
        return problems;
    }

    private static int capacity(Map<String, Object> config) {
        ConfigReader reader = new ConfigReader(config, "config");
        int capacity = reader.positiveInt("capacity", DEFAULT_CAPACITY);
        reader.throwIfInvalid();
        return capacity;
    }
}
