package io.dishtayantra.runtime.testplugins;

import io.dishtayantra.api.connector.ConnectorContext;
import io.dishtayantra.api.connector.EventSink;
import io.dishtayantra.api.connector.Subscriber;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A subscriber for tests: the test hands it events, and reads which were acknowledged. */
public final class ProbeSubscriber implements Subscriber {

    public final List<Object> acknowledged = new CopyOnWriteArrayList<>();
    public volatile boolean paused;
    public volatile boolean closed;
    private volatile EventSink sink;

    @Override
    public void start(ConnectorContext context, EventSink sink) {
        this.sink = sink;
    }

    /** Hands an event to the DAG, blocking while its queue is full; acknowledgement records {@code id}. */
    public void send(Map<String, Object> event) throws InterruptedException {
        Object id = event.get("id");
        sink.accept(event, () -> acknowledged.add(id));
    }

    public void reject(String payload, String reason) {
        sink.reject(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8), reason);
    }

    @Override
    public void pause() {
        paused = true;
    }

    @Override
    public void resume() {
        paused = false;
    }

    @Override
    public void close() {
        closed = true;
    }
}
