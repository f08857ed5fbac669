package io.dishtayantra.runtime.calculator.plugin;

import io.dishtayantra.api.Calculator;
import io.dishtayantra.api.Transformer;
import io.dishtayantra.runtime.calculator.PluginClassLoaders;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and instantiates Java plugin calculators and transformers in a class loader (the
 * runtime's, or one from {@link PluginClassLoaders#forFolder}).
 *
 * <p>A manifest {@code type} is either a fully qualified class name, loaded directly, or the
 * simple or full class name of a provider listed in a jar's
 * {@code META-INF/services/io.dishtayantra.api.Calculator} (or {@code ...Transformer}) file.
 * Either way the class must be public, concrete, implement the interface and have a public
 * no-argument constructor; the instance then gets its config and the rest of its
 * {@link io.dishtayantra.api.PluginContext} in {@code start}. Thread-safe.
 */
public final class PluginLoader {

    private static final Logger LOG = LoggerFactory.getLogger(PluginLoader.class);

    private final ClassLoader classLoader;
    private final String origin;

    /**
     * @param classLoader where plugin classes are looked up
     * @param origin where that is, for error messages, such as "the classpath or plugin folder /plugins"
     */
    public PluginLoader(ClassLoader classLoader, String origin) {
        this.classLoader = classLoader;
        this.origin = origin;
    }

    /** Whether {@code type} names a calculator class or provider this loader can see. */
    public boolean hasCalculator(String type) {
        return find(type, Calculator.class).isPresent();
    }

    /** Whether {@code type} names a transformer class or provider this loader can see. */
    public boolean hasTransformer(String type) {
        return find(type, Transformer.class).isPresent();
    }

    /**
     * Creates an unstarted calculator.
     *
     * @throws PluginLoadException naming the type and what to fix when it cannot be created
     */
    public Calculator newCalculator(String type) throws PluginLoadException {
        return instantiate(resolve(type, Calculator.class), Calculator.class);
    }

    /**
     * Creates an unstarted transformer.
     *
     * @throws PluginLoadException naming the type and what to fix when it cannot be created
     */
    public Transformer newTransformer(String type) throws PluginLoadException {
        return instantiate(resolve(type, Transformer.class), Transformer.class);
    }

    /**
     * Checks that {@code type} resolves to a usable calculator class, without creating it.
     *
     * @return the problem as a sentence, or empty
     */
    public Optional<String> checkCalculator(String type) {
        return check(type, Calculator.class);
    }

    /** Checks that {@code type} resolves to a usable transformer class, without creating it. */
    public Optional<String> checkTransformer(String type) {
        return check(type, Transformer.class);
    }

    /** Class names of every calculator listed in a {@code META-INF/services} file. */
    public Set<String> calculatorProviders() {
        return providers(Calculator.class);
    }

    /** Class names of every transformer listed in a {@code META-INF/services} file. */
    public Set<String> transformerProviders() {
        return providers(Transformer.class);
    }

    /**
     * Lists providers by class name. A services file that names an unusable class ends the
     * listing at that entry, and {@link #newCalculator} then reports the entry.
     */
    private Set<String> providers(Class<?> contract) {
        Set<String> names = new TreeSet<>();
        try {
            ServiceLoader.load(contract, classLoader).stream().forEach(provider -> names.add(provider.type().getName()));
        } catch (ServiceConfigurationError e) {
            LOG.warn("A META-INF/services/{} file in {} lists an unusable class: {}", contract.getName(), origin,
                    e.getMessage());
        }
        return names;
    }

    private Optional<String> check(String type, Class<?> contract) {
        try {
            constructor(resolve(type, contract), contract);
            return Optional.empty();
        } catch (PluginLoadException e) {
            return Optional.of(e.getMessage());
        }
    }

    private Optional<Class<?>> find(String type, Class<?> contract) {
        try {
            return Optional.of(resolve(type, contract));
        } catch (PluginLoadException e) {
            return Optional.empty();
        }
    }

    private Class<?> resolve(String type, Class<?> contract) throws PluginLoadException {
        List<Class<?>> providers;
        try {
            providers = ServiceLoader.load(contract, classLoader).stream()
                    .<Class<?>>map(ServiceLoader.Provider::type)
                    .filter(provider -> provider.getName().equals(type) || provider.getSimpleName().equals(type))
                    .toList();
        } catch (ServiceConfigurationError e) {
            throw new PluginLoadException(type, "a META-INF/services/" + contract.getName() + " file in " + origin
                    + " lists an unusable class: " + e.getMessage(), e);
        }
        if (providers.size() > 1) {
            throw new PluginLoadException(type, "matches several " + contract.getSimpleName() + " providers: "
                    + providers.stream().map(Class::getName).sorted().toList()
                    + "; write the fully qualified class name");
        }
        if (providers.size() == 1) {
            return providers.getFirst();
        }
        if (!type.contains(".")) {
            throw new PluginLoadException(type, "no built-in type and no " + contract.getSimpleName()
                    + " provider in " + origin + " has this name; write a fully qualified class name, or list the"
                    + " class in META-INF/services/" + contract.getName() + " in its jar");
        }
        try {
            return Class.forName(type, false, classLoader);
        } catch (ClassNotFoundException e) {
            throw new PluginLoadException(type, "class not found in " + origin + "; put its jar in the plugin"
                    + " folder (--plugins or " + PluginClassLoaders.PLUGIN_DIR_VARIABLE + ") or on the classpath");
        } catch (LinkageError e) {
            throw new PluginLoadException(type, "the class could not be loaded: " + e
                    + "; check that it was compiled for this Java version against this plugin API", e);
        }
    }

    private static Constructor<?> constructor(Class<?> type, Class<?> contract) throws PluginLoadException {
        if (!contract.isAssignableFrom(type)) {
            throw new PluginLoadException(type.getName(), "the class does not implement " + contract.getName());
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw new PluginLoadException(type.getName(), "the class is abstract; name a concrete class");
        }
        if (!Modifier.isPublic(type.getModifiers())) {
            throw new PluginLoadException(type.getName(), "the class is not public; make it public");
        }
        try {
            return type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new PluginLoadException(type.getName(), "the class has no public no-argument constructor; add one and"
                    + " read the config in start(PluginContext)");
        }
    }

    private static <T> T instantiate(Class<?> type, Class<T> contract) throws PluginLoadException {
        Constructor<?> constructor = constructor(type, contract);
        try {
            return contract.cast(constructor.newInstance());
        } catch (InvocationTargetException e) {
            throw new PluginLoadException(type.getName(), "the constructor threw " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new PluginLoadException(type.getName(), "the class could not be instantiated: " + e, e);
        }
    }
}
