package io.dishtayantra.runtime.calculator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Builds the class loader over the jars of a plugin folder. */
public final class PluginClassLoaders {

    /** Environment variable naming the plugin folder when {@code --plugins} is not given. */
    public static final String PLUGIN_DIR_VARIABLE = "DISHTAYANTRA_PLUGIN_DIR";

    private PluginClassLoaders() {
    }

    /**
     * Returns a loader over every {@code .jar} directly inside {@code folder} whose parent is
     * this class's loader, or that loader itself when {@code folder} is null.
     *
     * @throws IllegalArgumentException when the folder does not exist
     * @throws UncheckedIOException when the folder cannot be listed
     */
    public static ClassLoader forFolder(Path folder) {
        ClassLoader parent = PluginClassLoaders.class.getClassLoader();
        if (folder == null) {
            return parent;
        }
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("Plugin folder " + folder + " does not exist or is not a folder; "
                    + "create it or fix --plugins / " + PLUGIN_DIR_VARIABLE + ".");
        }
        List<URL> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path jar : files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                jars.add(jar.toUri().toURL());
            }
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("Cannot read plugin jar in " + folder + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list plugin folder " + folder, e);
        }
        return new URLClassLoader("dishtayantra-plugins", jars.toArray(URL[]::new), parent);
    }

    /** The plugin folder from {@code option}, else from the environment variable, else null. */
    public static Path folderFrom(Path option, java.util.function.Function<String, String> environment) {
        if (option != null) {
            return option;
        }
        String fromEnvironment = environment.apply(PLUGIN_DIR_VARIABLE);
        return fromEnvironment == null || fromEnvironment.isBlank() ? null : Path.of(fromEnvironment);
    }
}
