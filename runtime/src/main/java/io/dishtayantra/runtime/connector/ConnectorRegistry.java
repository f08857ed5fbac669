package io.dishtayantra.runtime.connector;

import io.dishtayantra.api.connector.Publisher;
import io.dishtayantra.api.connector.Subscriber;
import io.dishtayantra.crd.validation.ValidationProblem;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * Routes a connector URI to the {@link ConnectorKind} serving its scheme. Kinds are found with
 * {@link ServiceLoader}; the first kind serving a scheme wins. Immutable and thread-safe.
 */
public final class ConnectorRegistry {

    private final Map<String, ConnectorKind> kinds = new LinkedHashMap<>();

    public ConnectorRegistry(List<ConnectorKind> connectorKinds) {
        for (ConnectorKind kind : connectorKinds) {
            for (String scheme : kind.schemes()) {
                kinds.putIfAbsent(scheme, kind);
            }
        }
    }

    /** Finds every {@link ConnectorKind} visible to the class loader (the plugin loader includes the class path). */
    public static ConnectorRegistry load(ClassLoader classLoader) {
        return new ConnectorRegistry(ServiceLoader.load(ConnectorKind.class, classLoader).stream()
                .map(ServiceLoader.Provider::get)
                .toList());
    }

    public Set<String> schemes() {
        return Set.copyOf(kinds.keySet());
    }

    /**
     * Returns the kind serving the URI's scheme.
     *
     * @throws IllegalArgumentException listing the known schemes when none serves it
     */
    public ConnectorKind kindFor(URI uri) {
        String scheme = schemeOf(uri);
        ConnectorKind kind = kinds.get(scheme);
        if (kind == null) {
            throw new IllegalArgumentException("Unknown URI scheme '" + scheme + "' in " + uri
                    + "; known schemes are " + new TreeSet<>(kinds.keySet()) + ".");
        }
        return kind;
    }

    /** Whether a scheme has a kind. */
    public boolean knows(String scheme) {
        return kinds.containsKey(scheme);
    }

    /** Whether subscribers of this scheme may be shared by several active instances. */
    public boolean shareable(String scheme) {
        ConnectorKind kind = kinds.get(scheme);
        return kind != null && kind.shareable();
    }

    /** Returns whether a subscriber of this URI may be shared by several active instances; false for unknown schemes. */
    public boolean shareable(URI uri) {
        ConnectorKind kind = uri.getScheme() == null ? null : kinds.get(uri.getScheme());
        return kind != null && kind.shareable(uri);
    }

    /** Creates an unstarted subscriber. */
    public Subscriber createSubscriber(URI uri, Map<String, Object> config) throws Exception {
        return kindFor(uri).createSubscriber(uri, config);
    }

    /** Creates an unstarted publisher. */
    public Publisher createPublisher(URI uri, Map<String, Object> config) throws Exception {
        return kindFor(uri).createPublisher(uri, config);
    }

    /**
     * Checks a connector URI and config without connecting.
     *
     * @param path where the connector sits, such as {@code spec.subscribers[0]}
     */
    public List<ValidationProblem> validate(String uri, Map<String, Object> config, boolean asSubscriber, String path) {
        URI parsed;
        try {
            parsed = parse(uri);
        } catch (IllegalArgumentException e) {
            return List.of(new ValidationProblem(path + ".uri", uri, e.getMessage()));
        }
        ConnectorKind kind = kinds.get(schemeOf(parsed));
        if (kind == null) {
            return List.of(new ValidationProblem(path + ".uri", uri, "Unknown URI scheme '" + schemeOf(parsed)
                    + "'; known schemes are " + new TreeSet<>(kinds.keySet()) + "."));
        }
        return kind.validate(parsed, config, asSubscriber, path);
    }

    /**
     * Parses a connector URI; a bare word such as {@code metronome} is a URI with only a scheme.
     *
     * @throws IllegalArgumentException when the text is not a URI
     */
    public static URI parse(String uri) {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("The URI is missing; write one such as mem://queue/trades.");
        }
        try {
            // A bare word such as "metronome" is read as a URI with only a scheme.
            URI parsed = new URI(uri.contains(":") ? uri : uri + ":/");
            if (parsed.getScheme() == null) {
                throw new IllegalArgumentException("The URI '" + uri + "' has no scheme; write one such as mem://queue/trades.");
            }
            return parsed;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The URI '" + uri + "' is malformed: " + e.getReason() + ".", e);
        }
    }

    private static String schemeOf(URI uri) {
        return uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    }
}
