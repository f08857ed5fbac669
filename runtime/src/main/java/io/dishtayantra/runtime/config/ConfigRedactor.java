package io.dishtayantra.runtime.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hides secret values before config is printed or logged: the value of every key whose name
 * contains password, token, secret or key (ignoring case), at any depth, and the password part
 * of a URI's user information.
 */
public final class ConfigRedactor {

    /** The text that replaces a redacted value. */
    public static final String REDACTED = "******";

    private static final List<String> SECRET_WORDS = List.of("password", "token", "secret", "key");

    private ConfigRedactor() {
    }

    /** Whether a config key names a secret. */
    public static boolean isSecretKey(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        for (String word : SECRET_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** Returns a deep copy of the config with secret values replaced by {@link #REDACTED}. */
    public static Map<String, Object> redact(Map<String, ?> config) {
        Map<String, Object> redacted = new LinkedHashMap<>();
        for (Map.Entry<String, ?> entry : config.entrySet()) {
            Object value = entry.getValue();
            redacted.put(entry.getKey(), isSecretKey(entry.getKey()) && value != null ? REDACTED : redactValue(value));
        }
        return redacted;
    }

    /** Returns the URI with the password of its user information replaced, such as {@code amqp://app:******@host}. */
    public static String redactUri(String uri) {
        if (uri == null) {
            return null;
        }
        try {
            String userInfo = URI.create(uri).getRawUserInfo();
            if (userInfo == null || !userInfo.contains(":")) {
                return uri;
            }
            String user = userInfo.substring(0, userInfo.indexOf(':'));
            return uri.replace(userInfo + "@", user + ":" + REDACTED + "@");
        } catch (IllegalArgumentException invalid) {
            return uri;
        }
    }

    @SuppressWarnings("unchecked")
    private static Object redactValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return redact((Map<String, ?>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> redacted = new ArrayList<>(list.size());
            for (Object item : list) {
                redacted.add(redactValue(item));
            }
            return redacted;
        }
        return value;
    }
}
