package io.dishtayantra.runtime.connector.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.dishtayantra.runtime.connector.codec.InvalidPayloadException;
import io.dishtayantra.runtime.connector.codec.JsonPayloads;
import io.dishtayantra.runtime.connector.config.ConnectorConfig;
import io.dishtayantra.runtime.connector.resilience.ResilientSubscriber;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Polls an HTTP endpoint for items. Each poll sends the last-seen id in {@code idParam} and follows
 * {@code nextPath} page by page until a page has no next link; a poll without items waits
 * {@code pollInterval}. The id of the longest acknowledged prefix of delivered items is written
 * to {@code stateFile} when configured, so a restart continues after the last finished item;
 * without it a restart begins again at {@code initialId}. Error replies (any non-2xx status)
 * and bodies that are not JSON are retried with backoff.
 */
final class RestSubscriber extends ResilientSubscriber {

    private final URI uri;
    private RestSettings settings;
    private RestHttp http;
    private Path stateFile;
    private String lastDelivered;
    private String lastStored;
    private boolean loaded;
    private final ArrayDeque<Delivered> delivered = new ArrayDeque<>();

    /** A delivered item's id and whether the DAG acknowledged it; guarded by {@code delivered}. */
    private static final class Delivered {
        final String id;
        boolean acknowledged;

        Delivered(String id) {
            this.id = id;
        }
    }

    RestSubscriber(URI uri) {
        this.uri = uri;
    }

    @Override
    protected String description() {
        return "rest endpoint " + (settings == null || settings.endpoint() == null ? uri : settings.endpoint());
    }

    @Override
    protected void configure(ConnectorConfig config) {
        settings = RestSettings.from(uri, config, true);
        if (config.problems().isEmpty()) {
            http = new RestHttp(settings);
            stateFile = settings.stateFile() == null ? null : context.baseDirectory().resolve(settings.stateFile());
        }
    }

    @Override
    protected void connect() throws IOException {
        if (!loaded) {
            lastDelivered = settings.initialId();
            if (stateFile != null && Files.exists(stateFile)) {
                lastDelivered = Files.readString(stateFile, StandardCharsets.UTF_8).trim();
                lastStored = lastDelivered;
                log.info("Polling {} after id {} from {}", settings.endpoint(), lastDelivered, stateFile);
            }
            loaded = true;
        }
    }

    @Override
    protected void consume() throws Exception {
        while (running()) {
            storeAcknowledged();
            if (!awaitResumed()) {
                return;
            }
            int items = pollAllPages();
            if (items == 0) {
                long deadline = System.currentTimeMillis() + settings.pollInterval().toMillis();
                while (running() && System.currentTimeMillis() < deadline) {
                    Thread.sleep(Math.min(50, Math.max(1, deadline - System.currentTimeMillis())));
                    storeAcknowledged();
                }
            }
        }
        storeAcknowledged();
    }

    private int pollAllPages() throws Exception {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (settings.idField() != null && lastDelivered != null) {
            parameters.put(settings.idParam(), lastDelivered);
        }
        URI next = RestHttp.withParameters(settings.endpoint(), parameters);
        int total = 0;
        while (next != null && running()) {
            HttpResponse<byte[]> response = http.send(settings.method(), next, null);
            if (response.statusCode() / 100 != 2) {
                throw new IOException("GET " + next + " returned " + response.statusCode());
            }
            JsonNode body;
            try {
                body = JsonPayloads.tree(response.body());
            } catch (InvalidPayloadException e) {
                // A broken page is the server's fault, not one event's: back off and poll again.
                throw new IOException("GET " + next + " returned a body that is " + e.getMessage(), e);
            }
            JsonNode items = at(body, settings.itemsPath());
            if (items != null && items.isArray()) {
                for (JsonNode item : items) {
                    deliver(item);
                    total++;
                }
            } else if (items != null && !items.isNull() && !items.isMissingNode()) {
                deliver(items);
                total++;
            }
            next = nextPage(next, body);
        }
        return total;
    }

    private void deliver(JsonNode item) throws InterruptedException {
        Map<String, Object> event = JsonPayloads.toEvent(item);
        String id = null;
        if (settings.idField() != null && event.get(settings.idField()) != null) {
            id = String.valueOf(event.get(settings.idField()));
            lastDelivered = id;
        }
        Delivered entry = new Delivered(id);
        synchronized (delivered) {
            delivered.addLast(entry);
        }
        sink.accept(event, () -> {
            synchronized (delivered) {
                entry.acknowledged = true;
            }
        });
    }

    private URI nextPage(URI current, JsonNode body) {
        if (settings.nextPath() == null) {
            return null;
        }
        JsonNode next = at(body, settings.nextPath());
        if (next == null || next.isNull() || next.isMissingNode() || next.asText().isEmpty()) {
            return null;
        }
        String value = next.asText();
        if (value.startsWith("http://") || value.startsWith("https://")) {
            return URI.create(value);
        }
        if (value.startsWith("/")) {
            return current.resolve(value);
        }
        return RestHttp.withParameters(settings.endpoint(), Map.of(settings.cursorParam(), value));
    }

    private static JsonNode at(JsonNode body, String dottedPath) {
        JsonNode node = body;
        if (dottedPath == null || dottedPath.isEmpty()) {
            return node;
        }
        for (String part : dottedPath.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node;
    }

    /** Writes the id of the longest acknowledged prefix to the state file when it moved. */
    private void storeAcknowledged() throws IOException {
        String id = null;
        synchronized (delivered) {
            while (!delivered.isEmpty() && delivered.peekFirst().acknowledged) {
                String acknowledged = delivered.pollFirst().id;
                id = acknowledged != null ? acknowledged : id;
            }
        }
        if (id == null || stateFile == null || id.equals(lastStored)) {
            return;
        }
        Path parent = stateFile.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, ".rest-state", ".tmp");
        Files.writeString(temporary, id, StandardCharsets.UTF_8);
        Files.move(temporary, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        lastStored = id;
    }

    @Override
    protected void disconnect() {
    }
}
