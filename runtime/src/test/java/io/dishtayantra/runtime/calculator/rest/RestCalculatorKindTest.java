package io.dishtayantra.runtime.calculator.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.dishtayantra.api.Calculator;
import io.dishtayantra.crd.v1alpha1.ComponentSpec;
import io.dishtayantra.crd.validation.ValidationProblem;
import io.dishtayantra.runtime.calculator.TestPluginContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Runs the Rest calculator against an HTTP server the test starts on 127.0.0.1. */
class RestCalculatorKindTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static HttpServer server;
    private static ExecutorService serverThreads;
    private static String base;
    private static final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private static final Map<String, Headers> lastHeaders = new ConcurrentHashMap<>();
    private static final Map<String, Set<Integer>> clientPorts = new ConcurrentHashMap<>();

    private final RestCalculatorKind kind = new RestCalculatorKind();
    private final List<Calculator> started = new ArrayList<>();
    private TestPluginContext metrics;

    @BeforeAll
    static void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        serverThreads = Executors.newFixedThreadPool(4);
        server.setExecutor(serverThreads);
        server.createContext("/", RestCalculatorKindTest::handle);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
        serverThreads.shutdownNow();
    }

    @AfterEach
    void closeCalculators() throws Exception {
        for (Calculator calculator : started) {
            calculator.close();
        }
    }

    /**
     * Paths: /score doubles qty; /nested wraps the result; /status/N returns status N; /flaky/ID/N
     * returns 503 N times, then 200; /slow sleeps 1.5 s; /text returns plain text; /number
     * returns a bare number.
     */
    private static void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        int count = requests.computeIfAbsent(path, ignored -> new AtomicInteger()).incrementAndGet();
        lastHeaders.put(path, exchange.getRequestHeaders());
        clientPorts.computeIfAbsent(path, ignored -> ConcurrentHashMap.newKeySet())
                .add(exchange.getRemoteAddress().getPort());
        byte[] body = exchange.getRequestBody().readAllBytes();
        String[] parts = path.split("/");
        try {
            switch (parts[1]) {
                case "score" -> {
                    Map<?, ?> event = MAPPER.readValue(body, Map.class);
                    int qty = ((Number) event.get("qty")).intValue();
                    reply(exchange, 200, "{\"score\":" + (qty * 2) + ",\"method\":\"" + exchange.getRequestMethod()
                            + "\"}");
                }
                case "nested" -> reply(exchange, 200, "{\"data\":{\"result\":{\"risk\":\"low\"},\"count\":3}}");
                case "status" -> reply(exchange, Integer.parseInt(parts[2]), "{\"error\":\"status " + parts[2] + "\"}");
                case "flaky" -> {
                    int failures = Integer.parseInt(parts[3]);
                    if (count <= failures) {
                        reply(exchange, 503, "{\"error\":\"busy\"}");
                    } else {
                        reply(exchange, 200, "{\"ok\":true,\"attempt\":" + count + "}");
                    }
                }
                case "slow" -> {
                    Thread.sleep(1500);
                    reply(exchange, 200, "{\"late\":true}");
                }
                case "text" -> reply(exchange, 200, "hello");
                case "number" -> reply(exchange, 200, "42");
                case "empty" -> {
                    exchange.sendResponseHeaders(204, -1);
                    exchange.close();
                }
                default -> reply(exchange, 404, "{}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
        }
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static ComponentSpec spec(Map<String, Object> config) {
        return new ComponentSpec("enrich", "Rest", new LinkedHashMap<>(config));
    }

    private Calculator start(Map<String, Object> config) throws Exception {
        Calculator calculator = kind.createCalculator(spec(config), null);
        metrics = TestPluginContext.of("enrich", config, Path.of("."));
        calculator.start(metrics);
        started.add(calculator);
        return calculator;
    }

    private static Map<String, Object> config(Object... keysAndValues) {
        Map<String, Object> config = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            config.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return config;
    }

    private static int requestsTo(String path) {
        AtomicInteger count = requests.get(path);
        return count == null ? 0 : count.get();
    }

    @Test
    void postsEventAndMergesResponse() throws Exception {
        Calculator calculator = start(config("url", base + "/score"));
        Map<String, Object> input = Map.of("qty", 21, "id", "a");

        Map<String, Object> output = calculator.calculate(input);

        assertThat(output).containsEntry("score", 42).containsEntry("id", "a").containsEntry("method", "POST");
        assertThat(input).doesNotContainKey("score");
        assertThat(lastHeaders.get("/score").getFirst("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void replaceReturnsOnlyTheResponse() throws Exception {
        Calculator calculator = start(config("url", base + "/score", "output", "replace", "method", "PUT"));

        assertThat(calculator.calculate(Map.of("qty", 1))).isEqualTo(Map.of("score", 2, "method", "PUT"));
    }

    @Test
    void responsePathPicksNestedObject() throws Exception {
        Calculator calculator = start(config("url", base + "/nested", "responsePath", "data.result"));

        assertThat(calculator.calculate(Map.of("id", 1))).isEqualTo(Map.of("id", 1, "risk", "low"));
    }

    @Test
    void outputFieldStoresScalarResponseValue() throws Exception {
        Calculator calculator = start(config("url", base + "/nested", "responsePath", "data.count",
                "outputField", "count"));

        assertThat(calculator.calculate(Map.of("id", 1))).isEqualTo(Map.of("id", 1, "count", 3));
    }

    @Test
    void scalarResponseWithoutOutputFieldFailsTheEvent() throws Exception {
        Calculator calculator = start(config("url", base + "/number"));

        assertThatThrownBy(() -> calculator.calculate(Map.of()))
                .isInstanceOf(RestCallException.class)
                .hasMessageContaining("set outputField");
    }

    @Test
    void missingResponsePathFailsTheEvent() throws Exception {
        Calculator calculator = start(config("url", base + "/nested", "responsePath", "data.nothing"));

        assertThatThrownBy(() -> calculator.calculate(Map.of()))
                .isInstanceOf(RestCallException.class)
                .hasMessageContaining("no field data.nothing");
    }

    @Test
    void emptyResponseMergesNothing() throws Exception {
        Calculator calculator = start(config("url", base + "/empty"));

        assertThat(calculator.calculate(Map.of("a", 1))).isEqualTo(Map.of("a", 1));
    }

    @Test
    void apiKeyHeaderIsSent() throws Exception {
        Calculator calculator = start(config("url", base + "/score/apikey",
                "auth", Map.of("type", "apiKey", "header", "X-Api-Token", "key", "k-123")));

        calculator.calculate(Map.of("qty", 1));

        assertThat(lastHeaders.get("/score/apikey").getFirst("X-Api-Token")).isEqualTo("k-123");
    }

    @Test
    void basicAuthHeaderIsSent() throws Exception {
        Calculator calculator = start(config("url", base + "/score/basic",
                "auth", Map.of("type", "basic", "username", "svc", "password", "pw")));

        calculator.calculate(Map.of("qty", 1));

        assertThat(lastHeaders.get("/score/basic").getFirst("Authorization")).isEqualTo("Basic c3ZjOnB3");
    }

    @Test
    void bearerAndCustomHeadersAreSent() throws Exception {
        Calculator calculator = start(config("url", base + "/score/bearer",
                "auth", Map.of("type", "bearer", "token", "t0k"), "headers", Map.of("X-Tenant", "acme")));

        calculator.calculate(Map.of("qty", 1));

        assertThat(lastHeaders.get("/score/bearer").getFirst("Authorization")).isEqualTo("Bearer t0k");
        assertThat(lastHeaders.get("/score/bearer").getFirst("X-Tenant")).isEqualTo("acme");
    }

    @Test
    void connectionIsReusedAcrossCalls() throws Exception {
        Calculator calculator = start(config("url", base + "/score/reuse"));

        for (int i = 0; i < 5; i++) {
            calculator.calculate(Map.of("qty", i));
        }

        assertThat(requestsTo("/score/reuse")).isEqualTo(5);
        assertThat(clientPorts.get("/score/reuse")).hasSize(1);
    }

    @Test
    void retriesServerErrorsThenSucceeds() throws Exception {
        Calculator calculator = start(config("url", base + "/flaky/a/2", "retries", 2, "backoff", "10ms"));

        Map<String, Object> output = calculator.calculate(Map.of());

        assertThat(output).containsEntry("ok", true).containsEntry("attempt", 3);
        assertThat(requestsTo("/flaky/a/2")).isEqualTo(3);
        assertThat(metrics.counter("rest_retries_total")).isEqualTo(2);
    }

    @Test
    void serverErrorAfterRetriesFailsTheEvent() throws Exception {
        Calculator calculator = start(config("url", base + "/status/500", "retries", 1, "backoff", "10ms"));

        assertThatThrownBy(() -> calculator.calculate(Map.of()))
                .isInstanceOf(RestCallException.class)
                .hasMessageContaining("HTTP 500")
                .hasMessageContaining("after 2 attempts");
    }

    @Test
    void clientErrorIsNotRetried() throws Exception {
        int before = requestsTo("/status/400");
        Calculator calculator = start(config("url", base + "/status/400", "retries", 3, "backoff", "10ms"));

        assertThatThrownBy(() -> calculator.calculate(Map.of()))
                .isInstanceOf(RestCallException.class)
                .hasMessageContaining("HTTP 400");
        assertThat(requestsTo("/status/400") - before).isEqualTo(1);
    }

    @Test
    void timeoutIsRetriedThenFails() throws Exception {
        Calculator calculator = start(config("url", base + "/slow", "timeout", "200ms", "retries", 1,
                "backoff", "10ms"));

        assertThatThrownBy(() -> calculator.calculate(Map.of()))
                .isInstanceOf(RestCallException.class)
                .hasMessageContaining("timed out after 200ms");
        assertThat(metrics.counter("rest_retries_total")).isEqualTo(1);
    }

    @Test
    void connectionRefusedFailsTheEvent() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Calculator calculator = start(config("url", "http://127.0.0.1:" + port + "/x", "retries", 0));

        assertThatThrownBy(() -> calculator.calculate(Map.of()))
                .isInstanceOf(RestCallException.class)
                .hasMessageContaining("could not call");
    }

    @Test
    void nonJsonBodyFailsTheEvent() throws Exception {
        Calculator calculator = start(config("url", base + "/text"));

        assertThatThrownBy(() -> calculator.calculate(Map.of()))
                .isInstanceOf(RestCallException.class)
                .hasMessageContaining("not JSON: hello");
    }

    @Test
    void passThroughFallbackReturnsInput() throws Exception {
        Calculator calculator = start(config("url", base + "/status/502", "retries", 0, "fallback", "passThrough"));
        Map<String, Object> input = Map.of("a", 1);

        assertThat(calculator.calculate(input)).isSameAs(input);
        assertThat(metrics.counter("rest_fallbacks_total")).isEqualTo(1);
    }

    @Test
    void valueFallbackIsMergedLikeAResponse() throws Exception {
        Calculator calculator = start(config("url", base + "/status/503", "retries", 0,
                "fallback", Map.of("value", Map.of("risk", "unknown"))));

        assertThat(calculator.calculate(Map.of("a", 1))).isEqualTo(Map.of("a", 1, "risk", "unknown"));
    }

    @Test
    void circuitBreakerOpensThenSendsTrialCall() throws Exception {
        Calculator calculator = start(config("url", base + "/status/599", "retries", 0,
                "circuitBreaker", Map.of("failureThreshold", 2, "openDuration", "300ms")));
        RestCalculator rest = (RestCalculator) calculator;

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> calculator.calculate(Map.of())).hasMessageContaining("HTTP 599");
        }
        assertThat(rest.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(() -> calculator.calculate(Map.of())).hasMessageContaining("circuit breaker is open");
        assertThat(requestsTo("/status/599")).isEqualTo(2);
        assertThat(metrics.counter("rest_circuit_rejected_total")).isEqualTo(1);
        assertThat(metrics.gauge("rest_circuit_open")).isEqualTo(1.0);

        Thread.sleep(400);
        assertThatThrownBy(() -> calculator.calculate(Map.of())).hasMessageContaining("HTTP 599");
        assertThat(requestsTo("/status/599")).isEqualTo(3);
        assertThat(rest.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void circuitBreakerClosesAfterSuccessfulTrial() throws Exception {
        Calculator calculator = start(config("url", base + "/flaky/breaker/1", "retries", 0,
                "circuitBreaker", Map.of("failureThreshold", 1, "openDuration", "100ms")));

        assertThatThrownBy(() -> calculator.calculate(Map.of())).hasMessageContaining("HTTP 503");
        assertThat(((RestCalculator) calculator).circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
        Thread.sleep(200);

        assertThat(calculator.calculate(Map.of())).containsEntry("ok", true);
        assertThat(((RestCalculator) calculator).circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void http11CanBeForced() throws Exception {
        Calculator calculator = start(config("url", base + "/score/h1", "httpVersion", "HTTP_1_1"));

        assertThat(calculator.calculate(Map.of("qty", 2))).containsEntry("score", 4);
        assertThat(lastHeaders.get("/score/h1").containsKey("Upgrade")).isFalse();
    }

    @Test
    void validationReportsEveryBadSetting() {
        Map<String, Object> config = config("url", "ftp://example.org/x", "method", "GET", "timeout", "soon",
                "retries", -1, "fallback", "retry", "output", "append", "httpVersion", "HTTP_3",
                "circuitBreaker", Map.of("failureThreshold", 0, "openFor", "1s"),
                "auth", Map.of("type", "bearer"), "colour", "blue");

        List<ValidationProblem> problems = kind.validateCalculator(spec(config), "spec.calculators[0]");

        assertThat(problems).extracting(ValidationProblem::path).containsExactlyInAnyOrder(
                "spec.calculators[0].config.url",
                "spec.calculators[0].config.method",
                "spec.calculators[0].config.timeout",
                "spec.calculators[0].config.retries",
                "spec.calculators[0].config.fallback",
                "spec.calculators[0].config.output",
                "spec.calculators[0].config.httpVersion",
                "spec.calculators[0].config.circuitBreaker.failureThreshold",
                "spec.calculators[0].config.circuitBreaker.openFor",
                "spec.calculators[0].config.auth.token",
                "spec.calculators[0].config.colour");
    }

    @Test
    void validationRejectsRestrictedAndInvalidHeaders() {
        Map<String, Object> config = config("url", base, "headers", Map.of("Host", "x", "Bad Header", "y",
                "X-Ok", "z"));

        assertThat(kind.validateCalculator(spec(config), "c")).extracting(ValidationProblem::path)
                .containsExactlyInAnyOrder("c.config.headers.Host", "c.config.headers.Bad Header");
    }

    @Test
    void validationRedactsSecretValues() {
        Map<String, Object> config = config("url", base, "auth", Map.of("type", "apiKey", "key", List.of("k-1", "k-2")));

        List<ValidationProblem> problems = kind.validateCalculator(spec(config), "c");

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("c.config.auth.key");
            assertThat(problem.value()).isEqualTo(io.dishtayantra.runtime.config.ConfigRedactor.REDACTED);
        });
    }

    @Test
    void validationAcceptsUnresolvedEnvironmentReferences() {
        Map<String, Object> config = config("url", "${env:SCORING_URL}", "retries", "${env:SCORING_RETRIES}",
                "auth", Map.of("type", "bearer", "token", "${env:SCORING_TOKEN}"));

        assertThat(kind.validateCalculator(spec(config), "c")).isEmpty();
    }

    @Test
    void validationRequiresUrl() {
        assertThat(kind.validateCalculator(spec(Map.of()), "c")).extracting(ValidationProblem::path)
                .containsExactly("c.config.url");
    }

    @Test
    void validConfigHasNoProblems() {
        Map<String, Object> config = config("url", base + "/score", "timeout", "1s", "retries", 3,
                "fallback", Map.of("value", Map.of("score", 0)),
                "circuitBreaker", Map.of("failureThreshold", 3, "openDuration", "10s"),
                "auth", Map.of("type", "basic", "username", "u", "password", "p"));

        assertThat(kind.validateCalculator(spec(config), "c")).isEmpty();
    }
}
