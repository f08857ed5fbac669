package io.dishtayantra.runtime.engine;

/**
 * A subscriber's state at one moment.
 *
 * @param uri the URI with any password hidden
 * @param node the Subscription node it feeds
 */
public record SubscriberSnapshot(String name, String uri, String node, ConnectorHealthSnapshot health) {
}
