package io.dishtayantra.runtime.connector.testing;

import io.dishtayantra.api.connector.Acknowledgement;
import io.dishtayantra.api.connector.EventSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An event sink in place of a subscription node. It keeps every event and either acknowledges
 * it at once or keeps the acknowledgement until the test releases it.
 */
public final class CollectingSink implements EventSink {

    public final List<Map<String, Object>> events = new CopyOnWriteArrayList<>();
    public final List<String> rejected = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<Acknowledgement> held = new LinkedBlockingQueue<>();
    private final AtomicBoolean autoAcknowledge = new AtomicBoolean(true);

    public static CollectingSink acknowledging() {
        return new CollectingSink();
    }

    public static CollectingSink holding() {
        CollectingSink sink = new CollectingSink();
        sink.autoAcknowledge.set(false);
        return sink;
    }

    @Override
    public void accept(Map<String, Object> event, Acknowledgement acknowledgement) {
        events.add(event);
        if (autoAcknowledge.get()) {
            acknowledgement.acknowledge();
        } else {
            held.add(acknowledgement);
        }
    }

    @Override
    public void reject(byte[] payload, String reason) {
        rejected.add(new String(payload, java.nio.charset.StandardCharsets.UTF_8) + " | " + reason);
    }

    /** Acknowledges every held event and, from now on, every new one at once. */
    public void startAcknowledging() {
        autoAcknowledge.set(true);
        acknowledgeHeld();
    }

    /** Acknowledges every held event. */
    public int acknowledgeHeld() {
        List<Acknowledgement> drained = new ArrayList<>();
        held.drainTo(drained);
        drained.forEach(Acknowledgement::acknowledge);
        return drained.size();
    }

    /** Returns the values of one field of every event, in arrival order. */
    public List<Object> field(String name) {
        return events.stream().map(event -> event.get(name)).toList();
    }
}
