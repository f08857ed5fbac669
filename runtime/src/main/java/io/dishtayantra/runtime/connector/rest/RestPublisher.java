package io.dishtayantra.runtime.connector.rest;

import io.dishtayantra.runtime.connector.codec.JsonPayloads;
import io.dishtayantra.runtime.connector.config.ConnectorConfig;
import io.dishtayantra.runtime.connector.resilience.PermanentPublishException;
import io.dishtayantra.runtime.connector.resilience.ResilientPublisher;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Sends each event as a JSON body (POST by default). A 2xx reply completes it; 408, 425, 429 and
 * 5xx replies and I/O errors are retried with backoff until {@code deliveryTimeout}; any other
 * status fails the event at once. Events go one per request unless {@code batchSize} is set, in
 * which case a batch is sent one event after another and retried as a whole.
 */
final class RestPublisher extends ResilientPublisher {

    private final URI uri;
    private RestSettings settings;
    private RestHttp http;

    RestPublisher(URI uri) {
        this.uri = uri;
    }

    @Override
    protected String description() {
        return "rest endpoint " + (settings == null || settings.endpoint() == null ? uri : settings.endpoint());
    }

    @Override
    protected int defaultBatchSize() {
        return 1;
    }

    @Override
    protected void configure(ConnectorConfig config) {
        settings = RestSettings.from(uri, config, false);
        if (config.problems().isEmpty()) {
            http = new RestHttp(settings);
        }
    }

    @Override
    protected void connect() {
        // HttpClient connects per request and keeps connections alive by itself.
    }

    @Override
    protected void send(List<Map<String, Object>> batch) throws Exception {
        for (Map<String, Object> event : batch) {
            HttpResponse<byte[]> response = http.send(settings.method(), settings.endpoint(), JsonPayloads.toBytes(event));
            int status = response.statusCode();
            if (status / 100 == 2) {
                continue;
            }
            String body = new String(response.body(), StandardCharsets.UTF_8);
            String message = settings.method() + " " + settings.endpoint() + " returned " + status + ": "
                    + (body.length() > 200 ? body.substring(0, 200) + "..." : body);
            if (RestHttp.retryable(status)) {
                throw new IOException(message);
            }
            throw new PermanentPublishException(message);
        }
    }

    @Override
    protected void disconnect() {
    }
}
