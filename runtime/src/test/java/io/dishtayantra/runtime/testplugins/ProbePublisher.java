package io.dishtayantra.runtime.testplugins;

import io.dishtayantra.api.connector.Completion;
import io.dishtayantra.api.connector.ConnectorContext;
import io.dishtayantra.api.connector.Publisher;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A publisher for tests. Config: {@code delayMillis} (sleep per publish), {@code failAttempts}
 * (the first N attempts fail), {@code alwaysFail}, {@code async} (complete on another thread),
 * {@code failStart}.
 */
public final class ProbePublisher implements Publisher {

    public final List<Map<String, Object>> received = new CopyOnWriteArrayList<>();
    public final AtomicInteger attempts = new AtomicInteger();
    public volatile boolean closed;
    public volatile boolean alwaysFail;
    private final int delayMillis;
    private final int failAttempts;
    private final boolean async;
    private final boolean failStart;
    private final boolean neverComplete;
    private ExecutorService completer;

    ProbePublisher(Map<String, Object> config) {
        this.delayMillis = ((Number) config.getOrDefault("delayMillis", 0)).intValue();
        this.failAttempts = ((Number) config.getOrDefault("failAttempts", 0)).intValue();
        this.alwaysFail = Boolean.TRUE.equals(config.get("alwaysFail"));
        this.async = Boolean.TRUE.equals(config.get("async"));
        this.failStart = Boolean.TRUE.equals(config.get("failStart"));
        this.neverComplete = Boolean.TRUE.equals(config.get("neverComplete"));
    }

    @Override
    public void start(ConnectorContext context) throws IOException {
        if (failStart) {
            throw new IOException("connection refused by probe");
        }
        completer = Executors.newSingleThreadExecutor();
    }

    @Override
    public void publish(Map<String, Object> event, Completion completion) throws Exception {
        int attempt = attempts.incrementAndGet();
        if (delayMillis > 0) {
            Thread.sleep(delayMillis);
        }
        boolean fail = alwaysFail || attempt <= failAttempts;
        if (neverComplete) {
            // Takes the event and never reports back, like a broker client whose send hangs.
            return;
        }
        if (async) {
            completer.execute(() -> {
                if (fail) {
                    completion.failed(new IOException("probe failure on attempt " + attempt));
                } else {
                    received.add(event);
                    completion.succeeded();
                }
            });
            return;
        }
        if (fail) {
            throw new IOException("probe failure on attempt " + attempt);
        }
        received.add(event);
        completion.succeeded();
    }

    @Override
    public void close() {
        closed = true;
        if (completer != null) {
            completer.shutdown();
        }
    }
}
