package io.dishtayantra.runtime.connector.rest;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The HTTP client side shared by the REST subscriber and publisher. Thread-safe. */
final class RestHttp {

    private final RestSettings settings;
    private final HttpClient client;

    RestHttp(RestSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** Sends a request with the configured headers; bodies are JSON. */
    HttpResponse<byte[]> send(String method, URI uri, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("Accept", "application/json")
                .header("User-Agent", "dishtayantra");
        settings.requestHeaders().forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Returns the URI with query parameters added (values are URL-encoded; null values skipped). */
    static URI withParameters(URI uri, Map<String, String> parameters) {
        StringBuilder query = new StringBuilder(uri.getRawQuery() == null ? "" : uri.getRawQuery());
        parameters.forEach((name, value) -> {
            if (value != null) {
                if (!query.isEmpty()) {
                    query.append('&');
                }
                query.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        String text = uri.toString();
        int cut = text.indexOf('?');
        String base = cut < 0 ? text : text.substring(0, cut);
        return URI.create(query.isEmpty() ? base : base + "?" + query);
    }

    /** Whether a status means "try again later": 408, 425, 429 and every 5xx. */
    static boolean retryable(int status) {
        return status == 408 || status == 425 || status == 429 || status >= 500;
    }
}
