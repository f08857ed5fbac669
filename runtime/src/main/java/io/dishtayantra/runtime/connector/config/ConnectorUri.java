package io.dishtayantra.runtime.connector.config;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A connector URI of the form {@code scheme://KIND/NAME?param=value}, such as
 * {@code rabbitmq://exchange/orders?routingKey=eu} or {@code mqtt://topic/sensors/+/temp}.
 *
 * @param kind the authority, such as {@code topic}, {@code queue} or {@code list}
 * @param name the path without its leading slash, URL-decoded; may contain slashes
 * @param query the decoded query parameters in their order
 */
public record ConnectorUri(String kind, String name, Map<String, String> query) {

    /**
     * Splits a URI, recording a problem in {@code config} when the kind is not one of
     * {@code kinds} or the name is empty; returns null in that case.
     *
     * @param form how the URI should look, for messages, such as {@code kafka://topic/NAME}
     */
    public static ConnectorUri parse(URI uri, Set<String> kinds, String form, ConnectorConfig config) {
        String kind = uri.getHost() != null ? uri.getHost() : uri.getAuthority();
        if (kind == null || !kinds.contains(kind)) {
            config.uriProblem(uri.toString(), "expected " + form + " where the part after // is one of "
                    + new TreeSet<>(kinds));
            return null;
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        String name = path.startsWith("/") ? path.substring(1) : path;
        if (name.isBlank()) {
            config.uriProblem(uri.toString(), "the name after " + kind + "/ is missing; expected " + form);
            return null;
        }
        return new ConnectorUri(kind, name, query(uri));
    }

    /** Decodes the URI's query parameters; a parameter without '=' maps to an empty string. */
    public static Map<String, String> query(URI uri) {
        Map<String, String> result = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return result;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            result.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return result;
    }
}
