package io.dishtayantra.operator.event;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.micrometer.core.instrument.Counter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records core/v1 Events on DAGs, de-duplicated by DAG, reason and message: the first occurrence
 * creates an Event, a repeat within {@code quietPeriod} is dropped and counted, a later repeat
 * raises the existing Event's count. Thread-safe.
 */
public final class EventRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
    private static final int MAX_REMEMBERED = 10_000;
    private static final int MAX_MESSAGE = 1024;

    private final KubernetesClient client;
    private final Clock clock;
    private final Duration quietPeriod;
    private final String component;
    private final Counter suppressed;
    private final Map<String, Instant> lastRecorded = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > MAX_REMEMBERED;
        }
    };

    /**
     * @param component the reporting component written into each Event
     * @param suppressed counts repeats dropped within the quiet period
     */
    public EventRecorder(KubernetesClient client, Clock clock, Duration quietPeriod, String component,
            Counter suppressed) {
        this.client = client;
        this.clock = clock;
        this.quietPeriod = quietPeriod;
        this.component = component;
        this.suppressed = suppressed;
    }

    /**
     * Records an Event unless the same one was recorded within the quiet period. Failures to
     * write are logged and swallowed: an Event is never worth failing a reconciliation.
     *
     * @return whether the Event was written
     */
    public boolean record(Dag dag, EventReason reason, String message) {
        String text = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE - 3) + "..." : message;
        String key = dag.getMetadata().getUid() + "/" + reason + "/" + text;
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        synchronized (lastRecorded) {
            Instant last = lastRecorded.get(key);
            if (last != null && Duration.between(last, now).compareTo(quietPeriod) < 0) {
                suppressed.increment();
                return false;
            }
            lastRecorded.put(key, now);
        }
        try {
            write(dag, reason, text, eventName(dag, key), now);
            return true;
        } catch (KubernetesClientException e) {
            LOG.warn("Cannot record Event {} on DAG {}/{}: {}", reason, dag.getMetadata().getNamespace(),
                    dag.getMetadata().getName(), e.getMessage());
            return false;
        }
    }

    /** Forgets the de-duplication state of a deleted DAG. */
    public void forget(String dagUid) {
        synchronized (lastRecorded) {
            lastRecorded.keySet().removeIf(key -> key.startsWith(dagUid + "/"));
        }
    }

    private void write(Dag dag, EventReason reason, String message, String name, Instant now) {
        String namespace = dag.getMetadata().getNamespace();
        var events = client.v1().events().inNamespace(namespace);
        Event existing = events.withName(name).get();
        if (existing != null) {
            existing.setCount(existing.getCount() == null ? 2 : existing.getCount() + 1);
            existing.setLastTimestamp(now.toString());
            events.resource(existing).update();
            return;
        }
        Event event = new EventBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                .withInvolvedObject(new ObjectReferenceBuilder()
                        .withApiVersion(Dag.API_VERSION)
                        .withKind(Dag.KIND)
                        .withName(dag.getMetadata().getName())
                        .withNamespace(namespace)
                        .withUid(dag.getMetadata().getUid())
                        .withResourceVersion(dag.getMetadata().getResourceVersion())
                        .build())
                .withType(reason.type())
                .withReason(reason.name())
                .withMessage(message)
                .withCount(1)
                .withFirstTimestamp(now.toString())
                .withLastTimestamp(now.toString())
                .withNewSource().withComponent(component).endSource()
                .withReportingComponent(component)
                .build();
        events.resource(event).create();
    }

    /** Derives a stable name per DAG, reason and message, so that repeats update one Event. */
    private static String eventName(Dag dag, String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            String dagName = dag.getMetadata().getName();
            String prefix = dagName.length() > 200 ? dagName.substring(0, 200) : dagName;
            return prefix + "." + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
