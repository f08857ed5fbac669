package io.dishtayantra.runtime.calculator.rest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dishtayantra.api.Calculator;
import io.dishtayantra.api.PluginContext;
import io.dishtayantra.api.PluginMetrics;
import io.dishtayantra.crd.time.Durations;
import io.dishtayantra.runtime.calculator.RateLimitedWarning;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Sends each event as JSON to an HTTP endpoint and merges the response into the event, or
 * replaces the event with it.
 *
 * <p>Each call is synchronous on the calling thread. 5xx and 429 responses, timeouts and
 * connection errors are retried with exponential backoff; a 4xx response or an unreadable body is
 * not. When the last attempt fails, or the circuit breaker is open, the {@code fallback} decides:
 * {@code fail} fails the event, {@code passThrough} returns the input unchanged and
 * {@code value} uses a configured response. Only 5xx, 429, timeouts and connection errors count
 * toward the circuit breaker, because a 4xx reflects the request, not the service's health.
 *
 * <p>One {@link HttpClient} per calculator keeps connections open between calls and speaks HTTP/2
 * where the server does. Single caller at a time, as the {@link Calculator} contract says.
 */
final class RestCalculator implements Calculator {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String name;
    private final RestSettings settings;
    private final CircuitBreaker breaker;
    private HttpClient client;
    private Logger logger;
    private RateLimitedWarning failureWarning;
    private PluginMetrics.Counter retriesCounter;
    private PluginMetrics.Counter fallbacksCounter;
    private PluginMetrics.Counter rejectedCounter;

    RestCalculator(String name, RestSettings settings) {
        this.name = name;
        this.settings = settings;
        this.breaker = new CircuitBreaker(settings.failureThreshold(), settings.openDuration(), System::nanoTime);
    }

    @Override
    public void start(PluginContext context) {
        logger = context.logger();
        failureWarning = new RateLimitedWarning(logger, Duration.ofSeconds(10));
        retriesCounter = context.metrics().counter("rest_retries_total", "REST calls retried after a 5xx, 429,"
                + " timeout or connection error.");
        fallbacksCounter = context.metrics().counter("rest_fallbacks_total", "Events answered by the fallback"
                + " (passThrough or value) because the REST call failed or the circuit was open.");
        rejectedCounter = context.metrics().counter("rest_circuit_rejected_total", "Calls not sent because the"
                + " circuit breaker was open.");
        context.metrics().gauge("rest_circuit_open", "1 while the circuit breaker refuses calls, else 0.",
                () -> breaker.state() == CircuitBreaker.State.OPEN ? 1 : 0);
        client = HttpClient.newBuilder()
                .version(settings.httpVersion())
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        logger.info("REST calculator {} calls {} {} (timeout {}, retries {})", name, settings.method(),
                settings.url(), Durations.format(settings.timeout()), settings.retries());
    }

    @Override
    public Map<String, Object> calculate(Map<String, Object> input) throws RestCallException, InterruptedException {
        if (client == null) {
            throw new IllegalStateException("REST calculator " + name + " was called before start(PluginContext)");
        }
        if (!breaker.allowsCall()) {
            rejectedCounter.increment();
            return fallback(input, new RestCallException("REST calculator " + name + ": circuit breaker is open after "
                    + settings.failureThreshold() + " failed calls to " + settings.url() + "; the next trial call"
                    + " is sent after " + Durations.format(settings.openDuration()), null));
        }

        Object response;
        try {
            response = callWithRetries(toJson(input));
        } catch (RestCallException e) {
            return fallback(input, e);
        }
        try {
            return place(input, pick(response));
        } catch (RestCallException e) {
            return fallback(input, e);
        }
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }

    /** Current circuit breaker state. */
    CircuitBreaker.State circuitState() {
        return breaker.state();
    }

    private Object callWithRetries(byte[] body) throws RestCallException, InterruptedException {
        HttpRequest request = buildRequest(body);
        Duration wait = settings.backoff();
        for (int attempt = 0; ; attempt++) {
            Failure failure;
            try {
                HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    if (breaker.recordSuccess()) {
                        logger.info("REST calculator {}: {} responded again; circuit breaker closed", name,
                                settings.url());
                    }
                    return parse(response.body(), status);
                }
                failure = new Failure("HTTP " + status + " from " + settings.url() + excerpt(response.body()),
                        status >= 500 || status == 429, null);
            } catch (HttpTimeoutException e) {
                failure = new Failure("timed out after " + Durations.format(settings.timeout()) + " calling " + settings.url(), true, e);
            } catch (IOException e) {
                failure = new Failure("could not call " + settings.url() + ": " + e, true, e);
            }

            if (!failure.retryable() || attempt >= settings.retries()) {
                if (failure.retryable() && breaker.recordFailure()) {
                    logger.warn("REST calculator {}: circuit breaker opened after {} failed calls to {}; calls"
                            + " resume with a trial after {}", name, settings.failureThreshold(), settings.url(),
                            Durations.format(settings.openDuration()));
                }
                String attempts = attempt == 0 ? "" : " (after " + (attempt + 1) + " attempts)";
                throw new RestCallException("REST calculator " + name + ": " + failure.reason() + attempts,
                        failure.cause());
            }
            retriesCounter.increment();
            logger.debug("REST calculator {}: {}; retry {} of {} in {}", name, failure.reason(), attempt + 1,
                    settings.retries(), Durations.format(wait));
            Thread.sleep(wait);
            wait = wait.multipliedBy(2).compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait.multipliedBy(2);
        }
    }

    private HttpRequest buildRequest(byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(settings.url())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(settings.method(), HttpRequest.BodyPublishers.ofByteArray(body));
        settings.headers().forEach(builder::setHeader);
        return builder.build();
    }

    private Object parse(byte[] body, int status) throws RestCallException {
        if (body.length == 0) {
            return Map.of();
        }
        try {
            return MAPPER.readValue(body, Object.class);
        } catch (IOException e) {
            throw new RestCallException("REST calculator " + name + ": HTTP " + status + " from " + settings.url()
                    + " has a body that is not JSON" + excerpt(body), e);
        }
    }

    /** Merges the response value into a copy of the input, or returns it in place of the input. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> place(Map<String, Object> input, Object value) throws RestCallException {
        Map<String, Object> result;
        if (settings.outputField() != null) {
            result = new LinkedHashMap<>();
            result.put(settings.outputField(), value);
        } else if (value instanceof Map<?, ?> object) {
            result = (Map<String, Object>) object;
        } else {
            throw new RestCallException("REST calculator " + name + ": the response"
                    + (settings.responsePath() == null ? "" : " at " + settings.responsePath()) + " is "
                    + describe(value) + ", not an object; set outputField to store it in one field", null);
        }
        if ("replace".equals(settings.output())) {
            return result;
        }
        Map<String, Object> output = new LinkedHashMap<>(input);
        output.putAll(result);
        return output;
    }

    private Object pick(Object response) throws RestCallException {
        if (settings.responsePath() == null) {
            return response;
        }
        Object current = response;
        for (String part : settings.responsePath().split("\\.")) {
            if (!(current instanceof Map<?, ?> object) || !object.containsKey(part)) {
                throw new RestCallException("REST calculator " + name + ": the response has no field "
                        + settings.responsePath() + " (missing at '" + part + "')", null);
            }
            current = object.get(part);
        }
        return current;
    }

    private Map<String, Object> fallback(Map<String, Object> input, RestCallException failure)
            throws RestCallException {
        switch (settings.fallback()) {
            case RestSettings.PASS_THROUGH -> {
                fallbacksCounter.increment();
                failureWarning.warn("{}; passing the event through unchanged", failure.getMessage());
                return input;
            }
            case RestSettings.VALUE -> {
                fallbacksCounter.increment();
                failureWarning.warn("{}; using the fallback value", failure.getMessage());
                return place(input, settings.fallbackValue());
            }
            default -> throw failure;
        }
    }

    private byte[] toJson(Map<String, Object> input) throws RestCallException {
        try {
            return MAPPER.writeValueAsBytes(input);
        } catch (JacksonException e) {
            throw new RestCallException("REST calculator " + name + ": the event could not be written as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    private static String describe(Object value) {
        return value == null ? "null" : "a " + value.getClass().getSimpleName();
    }

    /** Formats the first 200 characters of a response body for an error message. */
    private static String excerpt(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String text = new String(body, 0, Math.min(body.length, 200), java.nio.charset.StandardCharsets.UTF_8);
        return ": " + text.strip() + (body.length > 200 ? "…" : "");
    }

    private record Failure(String reason, boolean retryable, Throwable cause) {
    }
}
