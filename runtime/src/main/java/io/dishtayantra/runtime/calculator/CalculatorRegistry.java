package io.dishtayantra.runtime.calculator;

import io.dishtayantra.api.Calculator;
import io.dishtayantra.api.PluginContext;
import io.dishtayantra.api.Transformer;
import io.dishtayantra.crd.v1alpha1.ComponentSpec;
import io.dishtayantra.crd.validation.ValidationProblem;
import io.dishtayantra.runtime.calculator.plugin.PluginLoader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Builds calculators and transformers by type: a type name served by a {@link CalculatorKind}
 * (found with {@link ServiceLoader} on the plugin class loader, so plugin jars may add kinds),
 * the simple class name of a plugin listed in a jar's {@code META-INF/services} file (see
 * {@link PluginLoader}), or the fully qualified name of a class implementing {@link Calculator}
 * or {@link Transformer} with a public no-argument constructor. Every calculator it creates is
 * wrapped in a {@link MeteredCalculator}.
 *
 * <p>Immutable and thread-safe.
 */
public final class CalculatorRegistry {

    private static final Pattern CLASS_NAME = Pattern.compile("^([a-zA-Z_$][\\w$]*\\.)+[a-zA-Z_$][\\w$]*$");

    private final Map<String, CalculatorKind> calculatorKinds = new LinkedHashMap<>();
    private final Map<String, CalculatorKind> transformerKinds = new LinkedHashMap<>();
    private final ClassLoader pluginClassLoader;
    private final PluginLoader plugins;
    private final Set<String> pluginCalculatorTypes;
    private final Set<String> pluginTransformerTypes;

    /**
     * Uses the given kinds; the first kind serving a type wins. Plugin providers whose simple
     * name is also a kind's type are reachable only by their fully qualified name.
     */
    public CalculatorRegistry(List<CalculatorKind> kinds, ClassLoader pluginClassLoader) {
        this.pluginClassLoader = pluginClassLoader;
        for (CalculatorKind kind : kinds) {
            kind.calculatorTypes().forEach(type -> calculatorKinds.putIfAbsent(type, kind));
            kind.transformerTypes().forEach(type -> transformerKinds.putIfAbsent(type, kind));
        }
        this.plugins = new PluginLoader(pluginClassLoader, "the classpath or the plugin folder");
        this.pluginCalculatorTypes = simpleNames(plugins.calculatorProviders(), calculatorKinds.keySet());
        this.pluginTransformerTypes = simpleNames(plugins.transformerProviders(), transformerKinds.keySet());
    }

    /** Finds every {@link CalculatorKind} on the class path and in the plugin class loader. */
    public static CalculatorRegistry load(ClassLoader pluginClassLoader) {
        List<CalculatorKind> kinds = ServiceLoader.load(CalculatorKind.class, pluginClassLoader).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
        return new CalculatorRegistry(kinds, pluginClassLoader);
    }

    /** Types served by kinds, and simple names of calculator plugins listed in services files. */
    public Set<String> calculatorTypes() {
        Set<String> types = new TreeSet<>(calculatorKinds.keySet());
        types.addAll(pluginCalculatorTypes);
        return Set.copyOf(types);
    }

    /** Types served by kinds, and simple names of transformer plugins listed in services files. */
    public Set<String> transformerTypes() {
        Set<String> types = new TreeSet<>(transformerKinds.keySet());
        types.addAll(pluginTransformerTypes);
        return Set.copyOf(types);
    }

    public ClassLoader pluginClassLoader() {
        return pluginClassLoader;
    }

    /** Whether a type is written as a Java class name, such as {@code com.acme.Enricher}. */
    public static boolean isClassName(String type) {
        return type != null && CLASS_NAME.matcher(type).matches();
    }

    /**
     * Creates an unstarted calculator from a spec whose config is already resolved, wrapped in a
     * {@link MeteredCalculator} that counts its calls, failures and latency.
     *
     * @throws IllegalArgumentException when the type is unknown or the config is invalid
     * @throws Exception what the kind or the class's constructor throws
     */
    public Calculator createCalculator(ComponentSpec spec) throws Exception {
        return MeteredCalculator.wrap(buildCalculator(spec));
    }

    private Calculator buildCalculator(ComponentSpec spec) throws Exception {
        CalculatorKind kind = calculatorKinds.get(spec.getType());
        if (kind != null) {
            return kind.createCalculator(spec, pluginClassLoader);
        }
        if (pluginCalculatorTypes.contains(spec.getType())) {
            return plugins.newCalculator(spec.getType());
        }
        if (isClassName(spec.getType())) {
            Object instance = instantiate(spec.getType(), "calculator");
            if (instance instanceof Calculator calculator) {
                return calculator;
            }
            if (instance instanceof Transformer transformer) {
                return new TransformerAsCalculator(transformer);
            }
            throw new IllegalArgumentException("Class " + spec.getType() + " implements neither "
                    + Calculator.class.getName() + " nor " + Transformer.class.getName());
        }
        throw unknownType(spec.getType(), "calculator", calculatorKinds.keySet());
    }

    /**
     * Creates an unstarted transformer from a spec whose config is already resolved.
     *
     * @throws IllegalArgumentException when the type is unknown or the config is invalid
     * @throws Exception what the kind or the class's constructor throws
     */
    public Transformer createTransformer(ComponentSpec spec) throws Exception {
        CalculatorKind kind = transformerKinds.get(spec.getType());
        if (kind != null) {
            return kind.createTransformer(spec, pluginClassLoader);
        }
        if (pluginTransformerTypes.contains(spec.getType())) {
            return plugins.newTransformer(spec.getType());
        }
        if (isClassName(spec.getType())) {
            Object instance = instantiate(spec.getType(), "transformer");
            if (instance instanceof Transformer transformer) {
                return transformer;
            }
            throw new IllegalArgumentException("Class " + spec.getType() + " does not implement " + Transformer.class.getName());
        }
        throw unknownType(spec.getType(), "transformer", transformerKinds.keySet());
    }

    /** Checks a calculator's type and config without building it. */
    public List<ValidationProblem> validateCalculator(ComponentSpec spec, String path) {
        CalculatorKind kind = calculatorKinds.get(spec.getType());
        if (kind != null) {
            return kind.validateCalculator(spec, path);
        }
        if (pluginCalculatorTypes.contains(spec.getType())) {
            return plugins.checkCalculator(spec.getType())
                    .map(message -> List.of(new ValidationProblem(path + ".type", spec.getType(), message)))
                    .orElse(List.of());
        }
        return validateClass(spec.getType(), path, "calculator", Calculator.class, Transformer.class, calculatorKinds.keySet());
    }

    /** Checks a transformer's type and config without building it. */
    public List<ValidationProblem> validateTransformer(ComponentSpec spec, String path) {
        CalculatorKind kind = transformerKinds.get(spec.getType());
        if (kind != null) {
            return kind.validateTransformer(spec, path);
        }
        if (pluginTransformerTypes.contains(spec.getType())) {
            return plugins.checkTransformer(spec.getType())
                    .map(message -> List.of(new ValidationProblem(path + ".type", spec.getType(), message)))
                    .orElse(List.of());
        }
        return validateClass(spec.getType(), path, "transformer", Transformer.class, Transformer.class, transformerKinds.keySet());
    }

    private List<ValidationProblem> validateClass(String type, String path, String role, Class<?> expected,
            Class<?> alsoAccepted, Set<String> known) {
        if (!isClassName(type)) {
            return List.of(new ValidationProblem(path + ".type", type, unknownType(type, role, known).getMessage()));
        }
        try {
            Class<?> loaded = Class.forName(type, false, pluginClassLoader);
            if (!expected.isAssignableFrom(loaded) && !alsoAccepted.isAssignableFrom(loaded)) {
                return List.of(new ValidationProblem(path + ".type", type, "The class does not implement "
                        + expected.getName() + "."));
            }
            return List.of();
        } catch (ClassNotFoundException | LinkageError e) {
            return List.of(new ValidationProblem(path + ".type", type, "The class cannot be loaded (" + e
                    + "); put its jar in the plugin folder (--plugins or DISHTAYANTRA_PLUGIN_DIR)."));
        }
    }

    private Object instantiate(String className, String role) throws Exception {
        Class<?> loaded;
        try {
            loaded = Class.forName(className, true, pluginClassLoader);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("The " + role + " class " + className + " is not on the class path "
                    + "or in the plugin folder; put its jar in the folder given by --plugins or DISHTAYANTRA_PLUGIN_DIR", e);
        }
        try {
            return loaded.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("The " + role + " class " + className
                    + " needs a public constructor without arguments; it receives its config in start()", e);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** Simple names of the provider classes, except names a kind already serves. */
    private static Set<String> simpleNames(Set<String> classNames, Set<String> kindTypes) {
        Set<String> names = new TreeSet<>();
        for (String className : classNames) {
            String simpleName = className.substring(className.lastIndexOf('.') + 1);
            if (!kindTypes.contains(simpleName)) {
                names.add(simpleName);
            }
        }
        return Set.copyOf(names);
    }

    private static IllegalArgumentException unknownType(String type, String role, Set<String> known) {
        return new IllegalArgumentException("Unknown " + role + " type '" + type + "'; use one of "
                + new TreeSet<>(known) + " or the fully qualified name of a Java class.");
    }

    /** Lets a Transformer class serve where a calculator is declared. */
    private record TransformerAsCalculator(Transformer transformer) implements Calculator {

        @Override
        public void start(PluginContext context) throws Exception {
            transformer.start(context);
        }

        @Override
        public Map<String, Object> calculate(Map<String, Object> input) throws Exception {
            return transformer.transform(input);
        }

        @Override
        public void close() throws Exception {
            transformer.close();
        }
    }
}
