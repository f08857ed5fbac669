package io.dishtayantra.runtime.connector.rest;

import io.dishtayantra.runtime.connector.config.ConnectorConfig;
import io.dishtayantra.runtime.connector.resilience.ResilienceSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Settings of {@code rest://HOST[:PORT]/PATH?QUERY}, which means {@code https://HOST[:PORT]/PATH?QUERY}
 * ({@code http://} with {@code tls: false}).
 *
 * @param endpoint the HTTP URL
 * @param auth {@code auth}: none (default), basic ({@code username}, {@code password}), bearer
 *     ({@code token}) or apiKey ({@code apiKey} sent in the {@code apiKeyHeader} header, default X-API-Key)
 * @param headers {@code headers}: extra request headers
 * @param connectTimeout {@code connectTimeout}: default 5s
 * @param requestTimeout {@code requestTimeout}: whole request, default 10s
 * @param method {@code method}: GET for subscribers; POST (default) or PUT for publishers
 * @param pollInterval {@code pollInterval}: wait after a poll that returned no items, default 5s
 * @param itemsPath {@code itemsPath}: dotted path to the items array in a response, default the body itself
 * @param idField {@code idField}: item field that increases with every item (the last-seen id)
 * @param idParam {@code idParam}: query parameter that sends the last-seen id, default {@code after}
 * @param nextPath {@code nextPath}: dotted path to the next page's URL or cursor; empty means last page
 * @param cursorParam {@code cursorParam}: query parameter for a cursor that is not a URL, default {@code cursor}
 * @param stateFile {@code stateFile}: file that stores the last acknowledged id across restarts,
 *     relative to the manifest's folder; none by default
 * @param initialId {@code initialId}: last-seen id before the first item, default none
 */
record RestSettings(URI endpoint, Map<String, String> requestHeaders, Duration connectTimeout, Duration requestTimeout,
        String method, Duration pollInterval, String itemsPath, String idField, String idParam, String nextPath,
        String cursorParam, String stateFile, String initialId, ResilienceSettings resilience) {

    static final String FORM = "rest://HOST[:PORT]/PATH";

    static RestSettings from(URI uri, ConnectorConfig config, boolean asSubscriber) {
        config.rejectUnknownKeys(ResilienceSettings.withKeys("tls", "auth", "username", "password", "token", "apiKey",
                "apiKeyHeader", "headers", "connectTimeout", "requestTimeout", "method", "pollInterval", "itemsPath",
                "idField", "idParam", "nextPath", "cursorParam", "stateFile", "initialId"), key -> false, "rest");
        URI endpoint = null;
        if (uri.getHost() == null) {
            config.uriProblem(uri.toString(), "expected " + FORM + " with a host name");
        } else {
            String scheme = config.bool("tls", true) ? "https" : "http";
            endpoint = URI.create(scheme + "://" + uri.getRawAuthority()
                    + (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        }

        Map<String, String> headers = new LinkedHashMap<>(config.stringMap("headers"));
        String auth = config.choice("auth", "none", Set.of("none", "basic", "bearer", "apikey"));
        switch (auth) {
            case "basic" -> {
                String username = config.requiredString("username", "basic auth needs a username");
                String password = config.string("password", "");
                if (username != null) {
                    headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                }
            }
            case "bearer" -> {
                String token = config.requiredString("token", "bearer auth needs a token, for example ${env:API_TOKEN}");
                if (token != null) {
                    headers.put("Authorization", "Bearer " + token);
                }
            }
            case "apikey" -> {
                String key = config.requiredString("apiKey", "apiKey auth needs an apiKey, for example ${env:API_KEY}");
                if (key != null) {
                    headers.put(config.string("apiKeyHeader", "X-API-Key"), key);
                }
            }
            default -> {
            }
        }
        String method = config.choice("method", asSubscriber ? "get" : "post",
                asSubscriber ? Set.of("get", "post") : Set.of("post", "put")).toUpperCase(java.util.Locale.ROOT);
        return new RestSettings(endpoint, headers,
                config.duration("connectTimeout", Duration.ofSeconds(5)),
                config.duration("requestTimeout", Duration.ofSeconds(10)),
                method,
                config.duration("pollInterval", Duration.ofSeconds(5)),
                config.string("itemsPath", ""),
                config.string("idField", null),
                config.string("idParam", "after"),
                config.string("nextPath", null),
                config.string("cursorParam", "cursor"),
                config.string("stateFile", null),
                config.string("initialId", null),
                ResilienceSettings.from(config, 1));
    }
}
