package io.dishtayantra.runtime.calculator.rest;

import io.dishtayantra.runtime.config.ConfigReader;
import io.dishtayantra.runtime.config.EnvironmentResolver;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Settings of a {@code Rest} calculator.
 *
 * @param url endpoint the event is sent to
 * @param method POST, PUT or PATCH
 * @param headers request headers, authentication headers included; values are secrets and never logged
 * @param timeout limit for one request, from sending to the whole response body
 * @param connectTimeout limit for opening a connection
 * @param retries extra attempts after a 5xx response, a 429, a timeout or a connection error
 * @param backoff wait before the first retry; doubles for each further retry up to {@code maxBackoff}
 * @param maxBackoff longest wait between two attempts
 * @param responsePath dotted path of the response field to use, or {@code null} for the whole body
 * @param output {@code merge} (into a copy of the event) or {@code replace} (the response is the output)
 * @param outputField field that receives the response value instead of merging it, or {@code null}
 * @param fallback {@code fail}, {@code passThrough} or {@code value}
 * @param fallbackValue response value used when {@code fallback} is {@code value}
 * @param failureThreshold failed calls in a row that open the circuit breaker
 * @param openDuration how long an open circuit breaker refuses calls before a trial call
 * @param httpVersion HTTP/2 (falls back to HTTP/1.1 when the server does not speak it) or HTTP/1.1
 */
record RestSettings(URI url, String method, Map<String, String> headers, Duration timeout, Duration connectTimeout,
        int retries, Duration backoff, Duration maxBackoff, String responsePath, String output, String outputField,
        String fallback, Object fallbackValue, int failureThreshold, Duration openDuration,
        HttpClient.Version httpVersion) {

    static final String FAIL = "fail";
    static final String PASS_THROUGH = "passThrough";
    static final String VALUE = "value";

    /** Parses settings; problems go to {@code reader}. */
    static RestSettings read(ConfigReader reader) {
        reader.rejectUnknownKeys(Set.of("url", "method", "headers", "auth", "timeout", "connectTimeout", "retries",
                "backoff", "maxBackoff", "responsePath", "output", "outputField", "fallback", "circuitBreaker",
                "httpVersion"));

        URI url = readUrl(reader);
        String method = reader.oneOf("method", "POST", Set.of("POST", "PUT", "PATCH"));
        Map<String, String> headers = new LinkedHashMap<>(reader.stringMap("headers", false));
        checkHeaderNames(reader, headers);
        readAuth(reader, headers);
        Duration timeout = reader.duration("timeout", Duration.ofSeconds(2));
        Duration connectTimeout = reader.duration("connectTimeout", Duration.ofSeconds(2));
        int retries = (int) reader.integer("retries", 2, 0, 10);
        Duration backoff = reader.duration("backoff", Duration.ofMillis(100));
        Duration maxBackoff = reader.duration("maxBackoff", Duration.ofSeconds(2));
        String responsePath = reader.string("responsePath", false, null);
        String output = reader.oneOf("output", "merge", Set.of("merge", "replace"));
        String outputField = reader.string("outputField", false, null);

        String fallback = FAIL;
        Object fallbackValue = null;
        Object rawFallback = reader.value("fallback");
        if (rawFallback instanceof String text && (text.equals(FAIL) || text.equals(PASS_THROUGH))) {
            fallback = text;
        } else if (rawFallback instanceof Map<?, ?> map && map.size() == 1 && map.containsKey(VALUE)) {
            fallback = VALUE;
            fallbackValue = map.get(VALUE);
            if (!(fallbackValue instanceof Map) && outputField == null) {
                reader.problem("fallback.value", fallbackValue, "Must be an object, unless outputField is set.");
            }
        } else if (rawFallback != null) {
            reader.problem("fallback", rawFallback, "Must be fail, passThrough, or {value: <response to use>}.");
        }

        ConfigReader breaker = reader.nested("circuitBreaker");
        breaker.rejectUnknownKeys(Set.of("failureThreshold", "openDuration"));
        int failureThreshold = (int) breaker.integer("failureThreshold", 5, 1, 1_000_000);
        Duration openDuration = breaker.duration("openDuration", Duration.ofSeconds(30));

        String version = reader.oneOf("httpVersion", "HTTP_2", Set.of("HTTP_2", "HTTP_1_1"));
        return new RestSettings(url, method, headers, timeout, connectTimeout, retries, backoff, maxBackoff,
                responsePath, output, outputField, fallback, fallbackValue, failureThreshold, openDuration,
                HttpClient.Version.valueOf(version));
    }

    /** Headers java.net.http.HttpClient sets itself and rejects in a request (JDK 25). */
    private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host",
            "upgrade");

    private static void checkHeaderNames(ConfigReader reader, Map<String, String> headers) {
        for (String name : headers.keySet()) {
            if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                reader.problem("headers." + name, null, "Invalid header name; use letters, digits and - only.");
            } else if (RESTRICTED_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                reader.problem("headers." + name, null, "The HTTP client sets this header; remove it.");
            }
        }
    }

    private static URI readUrl(ConfigReader reader) {
        String text = reader.string("url", true, null);
        if (text == null || EnvironmentResolver.isReference(text)) {
            return null;
        }
        try {
            URI url = new URI(text);
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
                reader.problem("url", text, "Must be an http:// or https:// URL with a host.");
                return null;
            }
            return url;
        } catch (URISyntaxException e) {
            reader.problem("url", text, "Invalid URL: " + e.getReason() + ".");
            return null;
        }
    }

    /** Adds the authentication header described by {@code auth} to {@code headers}. */
    private static void readAuth(ConfigReader parent, Map<String, String> headers) {
        if (!parent.has("auth")) {
            return;
        }
        ConfigReader auth = parent.nested("auth");
        String type = auth.oneOf("type", null, Set.of("none", "apiKey", "basic", "bearer"));
        if (type == null && !auth.has("type")) {
            auth.problem("type", null, "missing; use none, apiKey, basic or bearer");
        }
        switch (type == null ? "none" : type) {
            case "apiKey" -> {
                auth.rejectUnknownKeys(Set.of("type", "header", "key"));
                String header = auth.string("header", false, "X-API-Key");
                String key = auth.string("key", true, null);
                if (key != null) {
                    headers.put(header, key);
                }
            }
            case "basic" -> {
                auth.rejectUnknownKeys(Set.of("type", "username", "password"));
                String username = auth.string("username", true, null);
                String password = auth.string("password", false, "");
                if (username != null) {
                    String pair = username + ":" + password;
                    headers.put("Authorization", "Basic " + java.util.Base64.getEncoder()
                            .encodeToString(pair.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                }
            }
            case "bearer" -> {
                auth.rejectUnknownKeys(Set.of("type", "token"));
                String token = auth.string("token", true, null);
                if (token != null) {
                    headers.put("Authorization", "Bearer " + token);
                }
            }
            default -> auth.rejectUnknownKeys(Set.of("type"));
        }
    }
}
