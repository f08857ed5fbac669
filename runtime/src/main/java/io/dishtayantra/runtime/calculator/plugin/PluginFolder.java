package io.dishtayantra.runtime.calculator.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A folder of plugin jars: user calculators and transformers that are not on the runtime's
 * classpath. In Kubernetes it is a mounted volume, or a folder baked into an image built
 * {@code FROM} the runtime image.
 *
 * <p>The folder is set with the CLI option {@code --plugins DIR} or the environment variable
 * {@code DISHTAYANTRA_PLUGIN_DIR}; the option wins. Every {@code *.jar} directly in the folder is
 * loaded, in name order, by one class loader whose parent is the runtime's, so plugins see the
 * plugin API and the runtime's libraries, and classes on the runtime's classpath win over
 * classes of the same name in a jar.
 */
public final class PluginFolder {

    /** Environment variable that names the plugin folder. */
    public static final String ENVIRONMENT_VARIABLE = "DISHTAYANTRA_PLUGIN_DIR";

    /** CLI option that names the plugin folder. */
    public static final String CLI_OPTION = "--plugins";

    private PluginFolder() {
    }

    /**
     * The configured plugin folder: {@code cliValue} when given, else the environment variable.
     *
     * @param cliValue value of {@code --plugins}, or {@code null}
     * @param environment the process environment, usually {@link System#getenv()}
     */
    public static Optional<Path> configured(String cliValue, Map<String, String> environment) {
        if (cliValue != null && !cliValue.isBlank()) {
            return Optional.of(Path.of(cliValue));
        }
        String fromEnvironment = environment.get(ENVIRONMENT_VARIABLE);
        return fromEnvironment == null || fromEnvironment.isBlank()
                ? Optional.empty()
                : Optional.of(Path.of(fromEnvironment));
    }

    /**
     * The jars directly in {@code folder}, in name order.
     *
     * @throws IllegalArgumentException when the folder does not exist or is not a folder
     */
    public static List<Path> jars(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("plugin folder " + folder.toAbsolutePath() + " does not exist or is"
                    + " not a folder; check " + CLI_OPTION + " or " + ENVIRONMENT_VARIABLE);
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(path -> path.getFileName().toString().endsWith(".jar"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list plugin folder " + folder.toAbsolutePath(), e);
        }
    }

    /**
     * Opens a class loader over the jars of {@code folder}. The caller owns it and closes it when
     * no plugin class is in use any more.
     *
     * @throws IllegalArgumentException when the folder does not exist or is not a folder
     */
    public static URLClassLoader open(Path folder, ClassLoader parent) {
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars(folder)) {
            try {
                urls.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("plugin jar path " + jar + " cannot be turned into a URL", e);
            }
        }
        return new URLClassLoader("dishtayantra-plugins", urls.toArray(URL[]::new), parent);
    }
}
