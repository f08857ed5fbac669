package io.dishtayantra.runtime.connector.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.dishtayantra.api.connector.Publisher;
import io.dishtayantra.api.connector.Subscriber;
import io.dishtayantra.runtime.connector.testing.CollectingSink;
import io.dishtayantra.runtime.connector.testing.RecordingCompletion;
import io.dishtayantra.runtime.connector.testing.TestConnectorContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against an HTTP server in the test on 127.0.0.1. */
class RestConnectorTest {

    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToServe = new AtomicInteger();
    private final List<Integer> items = new CopyOnWriteArrayList<>();
    private final RestConnectorKind kind = new RestConnectorKind();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ingest", this::ingest);
        server.createContext("/items", this::items);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String base() {
        return "rest://127.0.0.1:" + server.getAddress().getPort();
    }

    private void ingest(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-API-Key")));
        if (failuresToServe.getAndDecrement() > 0) {
            respond(exchange, 503, "{\"error\":\"busy\"}");
        } else if (body.contains("\"poison\"")) {
            respond(exchange, 400, "{\"error\":\"bad event\"}");
        } else {
            received.add(body);
            respond(exchange, 201, "{}");
        }
    }

    /** Pages of three items after the {@code after} id; the next page is a cursor. */
    private void items(HttpExchange exchange) throws IOException {
        if (!"Bearer sesame".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, "{}");
            return;
        }
        Map<String, String> query = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        int after = query.containsKey("cursor") ? Integer.parseInt(query.get("cursor"))
                : query.containsKey("after") ? Integer.parseInt(query.get("after")) : 0;
        List<Integer> page = items.stream().filter(id -> id > after).limit(3).toList();
        boolean more = !page.isEmpty() && items.stream().anyMatch(id -> id > page.getLast());
        String data = String.join(",", page.stream().map(id -> "{\"id\":" + id + ",\"v\":\"item" + id + "\"}").toList());
        String next = more ? "\"" + page.getLast() + "\"" : "null";
        respond(exchange, 200, "{\"data\":[" + data + "],\"paging\":{\"next\":" + next + "}}");
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private Publisher publisher(Map<String, Object> config) throws Exception {
        String uri = base() + "/ingest";
        Publisher publisher = kind.createPublisher(URI.create(uri), config);
        publisher.start(TestConnectorContext.of("dag", "out", uri, config));
        return publisher;
    }

    private Map<String, Object> publisherConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("tls", false);
        config.put("auth", "apiKey");
        config.put("apiKey", "k-123");
        config.put("reconnectDelay", "50ms");
        config.put("requestTimeout", "2s");
        return config;
    }

    @Test
    void publisherPostsEveryEventWithApiKey() throws Exception {
        List<RecordingCompletion> completions = new ArrayList<>();
        try (Publisher publisher = publisher(publisherConfig())) {
            for (int i = 0; i < 5; i++) {
                RecordingCompletion completion = new RecordingCompletion();
                publisher.publish(Map.of("id", i), completion);
                completions.add(completion);
            }
            publisher.flush();
        }
        for (RecordingCompletion completion : completions) {
            completion.await(10);
        }
        assertThat(received).containsExactly("{\"id\":0}", "{\"id\":1}", "{\"id\":2}", "{\"id\":3}", "{\"id\":4}");
        assertThat(authorizations).containsOnly("k-123");
    }

    @Test
    void publisherRetriesUnavailableAndFailsBadRequest() throws Exception {
        failuresToServe.set(3);
        RecordingCompletion retried = new RecordingCompletion();
        RecordingCompletion poison = new RecordingCompletion();
        RecordingCompletion after = new RecordingCompletion();
        try (Publisher publisher = publisher(publisherConfig())) {
            publisher.publish(Map.of("id", "retried"), retried);
            publisher.publish(Map.of("id", "poison"), poison);
            publisher.publish(Map.of("id", "after"), after);
            publisher.flush();
        }
        retried.await(10);
        assertThatThrownBy(() -> poison.await(10)).isInstanceOf(ExecutionException.class).hasMessageContaining("400");
        after.await(10);
        assertThat(received).containsExactly("{\"id\":\"retried\"}", "{\"id\":\"after\"}");
    }

    @Test
    void subscriberFollowsPagesAndStoresLastId(@TempDir Path folder) throws Exception {
        IntStream.rangeClosed(1, 8).forEach(items::add);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("tls", false);
        config.put("auth", "bearer");
        config.put("token", "sesame");
        config.put("itemsPath", "data");
        config.put("idField", "id");
        config.put("nextPath", "paging.next");
        config.put("pollInterval", "100ms");
        config.put("stateFile", "state/items.id");
        String uri = base() + "/items";
        CollectingSink sink = CollectingSink.acknowledging();
        try (Subscriber subscriber = kind.createSubscriber(URI.create(uri), config)) {
            subscriber.start(new TestConnectorContext("dag", "in", URI.create(uri), config,
                    new TestConnectorContext.RecordingHealth(), new TestConnectorContext.TestMetrics(), folder), sink);
            await().atMost(Duration.ofSeconds(10)).until(() -> sink.events.size() == 8);
            items.add(9);
            await().atMost(Duration.ofSeconds(10)).until(() -> sink.events.size() == 9);
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(folder.resolve("state/items.id"))
                    && Files.readString(folder.resolve("state/items.id")).equals("9"));
        }
        assertThat(sink.field("id")).containsExactlyElementsOf(IntStream.rangeClosed(1, 9).boxed().map(i -> (Object) i).toList());

        items.add(10);
        CollectingSink restarted = CollectingSink.acknowledging();
        try (Subscriber subscriber = kind.createSubscriber(URI.create(uri), config)) {
            subscriber.start(new TestConnectorContext("dag", "in", URI.create(uri), config,
                    new TestConnectorContext.RecordingHealth(), new TestConnectorContext.TestMetrics(), folder), restarted);
            await().atMost(Duration.ofSeconds(10)).until(() -> restarted.events.size() == 1);
        }
        assertThat(restarted.field("id")).containsExactly(10);
    }

    @Test
    void validationNamesMissingToken() {
        var problems = kind.validate(URI.create("rest://api.example.com/v1/items"), Map.of("auth", "bearer"), true, "spec.subscribers[1]");
        assertThat(problems).extracting(Object::toString).containsExactly(
                "spec.subscribers[1].config.token: Missing; bearer auth needs a token, for example ${env:API_TOKEN}.");
    }
}
