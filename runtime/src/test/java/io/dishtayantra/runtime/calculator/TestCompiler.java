package io.dishtayantra.runtime.calculator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles Java sources with the system compiler and packs classes into jars, for plugin tests. */
public final class TestCompiler {

    /** The example plugin's source folder, {@code examples/calculators/plugin/src/main}. */
    public static final Path EXAMPLE_PLUGIN = Path.of("..", "examples", "calculators", "plugin", "src", "main")
            .toAbsolutePath().normalize();

    private TestCompiler() {
    }

    /** Compiles {@code sources} against the test classpath into {@code classes}. */
    public static Path compile(List<Path> sources, Path classes) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler).as("a JDK (not a JRE) runs the tests, so javax.tools has a compiler").isNotNull();
        Files.createDirectories(classes);
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                System.getProperty("java.class.path"), "--release", "25"));
        sources.forEach(source -> arguments.add(source.toString()));
        int status = compiler.run(null, null, null, arguments.toArray(String[]::new));
        assertThat(status).as("javac exit status for " + sources).isZero();
        return classes;
    }

    /** Packs every file under {@code classes} into {@code jar}. */
    public static Path jar(Path classes, Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                Stream<Path> files = Files.walk(classes)) {
            for (Path path : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(path));
                out.closeEntry();
            }
        }
        return jar;
    }

    /**
     * Builds the example VWAP plugin (classes plus its {@code META-INF/services} file) into
     * {@code folder/vwap-plugin.jar}, working in {@code work}.
     */
    public static Path buildExamplePlugin(Path work, Path folder) throws IOException {
        Path classes = compile(List.of(EXAMPLE_PLUGIN.resolve("java/com/example/dishtayantra/VwapCalculator.java")),
                work.resolve("vwap-classes"));
        Path services = classes.resolve("META-INF/services/io.dishtayantra.api.Calculator");
        Files.createDirectories(services.getParent());
        Files.copy(EXAMPLE_PLUGIN.resolve("resources/META-INF/services/io.dishtayantra.api.Calculator"), services,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return jar(classes, folder.resolve("vwap-plugin.jar"));
    }

    /** Deletes a folder and everything in it; does nothing when it does not exist. */
    public static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
