package io.dishtayantra.runtime.engine;

import io.dishtayantra.api.connector.Subscriber;

/** A started subscriber of a DAG and the node it feeds. */
record SubscriberRuntime(String name, String uri, String node, Subscriber subscriber, ConnectorHealthState health) {

    SubscriberSnapshot snapshot() {
        return new SubscriberSnapshot(name, uri, node, health.snapshot());
    }
}
