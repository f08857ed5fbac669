package io.dishtayantra.runtime.testplugins;

import io.dishtayantra.api.connector.Publisher;
import io.dishtayantra.api.connector.Subscriber;
import io.dishtayantra.runtime.connector.ConnectorKind;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scheme {@code probe://NAME}: test connectors whose behaviour the config sets and whose
 * activity tests read back by name. Test names must be unique per test class.
 */
public final class ProbeConnectorKind implements ConnectorKind {

    static final Map<String, ProbePublisher> PUBLISHERS = new ConcurrentHashMap<>();
    static final Map<String, ProbeSubscriber> SUBSCRIBERS = new ConcurrentHashMap<>();

    public static ProbePublisher publisher(String name) {
        return PUBLISHERS.get(name);
    }

    public static ProbeSubscriber subscriber(String name) {
        return SUBSCRIBERS.get(name);
    }

    @Override
    public Set<String> schemes() {
        return Set.of("probe");
    }

    @Override
    public Subscriber createSubscriber(URI uri, Map<String, Object> config) {
        ProbeSubscriber subscriber = new ProbeSubscriber();
        SUBSCRIBERS.put(uri.getHost(), subscriber);
        return subscriber;
    }

    @Override
    public Publisher createPublisher(URI uri, Map<String, Object> config) {
        ProbePublisher publisher = new ProbePublisher(config);
        PUBLISHERS.put(uri.getHost(), publisher);
        return publisher;
    }
}
