package io.dishtayantra.runtime.connector;

import io.dishtayantra.api.connector.Publisher;
import io.dishtayantra.api.connector.Subscriber;
import io.dishtayantra.crd.validation.ValidationProblem;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The connectors of one or more URI schemes. Kinds are found with {@link java.util.ServiceLoader}.
 * Config maps passed here have {@code ${env:NAME}} references resolved.
 */
public interface ConnectorKind {

    /** URI schemes this kind serves, such as {@code kafka}. */
    Set<String> schemes();

    /** Creates an unstarted subscriber for the URI. */
    Subscriber createSubscriber(URI uri, Map<String, Object> config) throws Exception;

    /** Creates an unstarted publisher for the URI. */
    Publisher createPublisher(URI uri, Map<String, Object> config) throws Exception;

    /** Whether several active instances of a DAG can share one subscriber of this scheme. */
    default boolean shareable() {
        return false;
    }

    /**
     * Returns whether several active instances of a DAG can share a subscriber of this URI: each event
     * reaches one instance (consumer groups, competing consumers), not every instance. Kinds
     * whose URI forms differ in this, such as a queue and a broadcast channel, override it.
     */
    default boolean shareable(URI uri) {
        return shareable();
    }

    /**
     * Checks a URI and config without connecting.
     *
     * @param asSubscriber true for a subscriber, false for a publisher
     * @param path where the connector sits in the manifest, such as {@code spec.subscribers[0]}
     */
    default List<ValidationProblem> validate(URI uri, Map<String, Object> config, boolean asSubscriber, String path) {
        return List.of();
    }
}
