package io.dishtayantra.runtime.connector.custom;

import io.dishtayantra.api.connector.Publisher;
import io.dishtayantra.api.connector.Subscriber;
import io.dishtayantra.crd.validation.ValidationProblem;
import io.dishtayantra.runtime.connector.ConnectorKind;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code custom://CLASS}: a user's {@link Subscriber} or {@link Publisher} implementation, built
 * with its public no-argument constructor. The class is loaded through the thread's context
 * class loader (the engine sets it to the plugin folder's loader) and then this class's own. The
 * connector reads its settings from {@code ConnectorContext.config()} in {@code start}; it
 * is responsible for its own delivery guarantees.
 */
public final class CustomConnectorKind implements ConnectorKind {

    private static final Pattern CLASS_NAME = Pattern.compile(
            "[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)+");

    @Override
    public Set<String> schemes() {
        return Set.of("custom");
    }

    @Override
    public Subscriber createSubscriber(URI uri, Map<String, Object> config) throws Exception {
        return instantiate(className(uri), Subscriber.class);
    }

    @Override
    public Publisher createPublisher(URI uri, Map<String, Object> config) throws Exception {
        return instantiate(className(uri), Publisher.class);
    }

    @Override
    public List<ValidationProblem> validate(URI uri, Map<String, Object> config, boolean asSubscriber, String path) {
        List<ValidationProblem> problems = new ArrayList<>();
        String name = className(uri);
        if (name == null || !CLASS_NAME.matcher(name).matches()) {
            problems.add(new ValidationProblem(path + ".uri", uri.toString(),
                    "Expected custom://CLASS with the fully qualified name of a class implementing "
                            + (asSubscriber ? Subscriber.class.getName() : Publisher.class.getName()) + "."));
        }
        return problems;
    }

    /** The class name: the URI's authority, which java.net.URI keeps even when it is no host name. */
    static String className(URI uri) {
        return uri.getAuthority();
    }

    private static <T> T instantiate(String name, Class<T> expected) throws Exception {
        if (name == null || !CLASS_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("custom connector class '" + name + "' is not a fully qualified class name");
        }
        Class<?> type = load(name);
        if (!expected.isAssignableFrom(type)) {
            throw new IllegalArgumentException("custom connector class " + name + " does not implement " + expected.getName());
        }
        try {
            return expected.cast(type.getConstructor().newInstance());
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("custom connector class " + name + " has no public no-argument constructor", e);
        }
    }

    private static Class<?> load(String name) throws ClassNotFoundException {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            try {
                return Class.forName(name, true, context);
            } catch (ClassNotFoundException e) {
                // Fall through to the runtime's own loader.
            }
        }
        try {
            return Class.forName(name, true, CustomConnectorKind.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new ClassNotFoundException("custom connector class " + name
                    + " not found; put its jar in the plugin folder or on the classpath", e);
        }
    }
}
