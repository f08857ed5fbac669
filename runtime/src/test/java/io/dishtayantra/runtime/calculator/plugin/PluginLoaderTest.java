package io.dishtayantra.runtime.calculator.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dishtayantra.api.Calculator;
import io.dishtayantra.api.Transformer;
import io.dishtayantra.runtime.calculator.PluginClassLoaders;
import io.dishtayantra.runtime.calculator.TestCompiler;
import io.dishtayantra.runtime.calculator.TestPluginContext;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Compiles the example VWAP plugin and a few broken plugins with the system Java compiler, jars
 * them into a plugin folder under target/, and loads them through {@link PluginClassLoaders}.
 */
class PluginLoaderTest {

    private static final Path WORK = Path.of("target", "plugin-test").toAbsolutePath();
    private static final Path FOLDER = WORK.resolve("plugins");

    private static URLClassLoader classLoader;
    private static PluginLoader loader;

    @BeforeAll
    static void buildPlugins() throws IOException {
        TestCompiler.deleteRecursively(WORK);
        Files.createDirectories(FOLDER);
        TestCompiler.buildExamplePlugin(WORK, FOLDER);

        Path brokenSources = WORK.resolve("broken-src");
        List<Path> sources = List.of(
                source(brokenSources, "bad.NotACalculator", "public class NotACalculator {}"),
                source(brokenSources, "bad.NoDefaultConstructor", """
                        public class NoDefaultConstructor implements io.dishtayantra.api.Calculator {
                            public NoDefaultConstructor(String name) {}
                            public java.util.Map<String, Object> calculate(java.util.Map<String, Object> in) { return in; }
                        }"""),
                source(brokenSources, "bad.ThrowingConstructor", """
                        public class ThrowingConstructor implements io.dishtayantra.api.Calculator {
                            public ThrowingConstructor() { throw new IllegalStateException("no licence file"); }
                            public java.util.Map<String, Object> calculate(java.util.Map<String, Object> in) { return in; }
                        }"""),
                source(brokenSources, "bad.AbstractCalculator", """
                        public abstract class AbstractCalculator implements io.dishtayantra.api.Calculator {}"""),
                source(brokenSources, "one.Twin", """
                        public class Twin implements io.dishtayantra.api.Calculator {
                            public java.util.Map<String, Object> calculate(java.util.Map<String, Object> in) { return in; }
                        }"""),
                source(brokenSources, "two.Twin", """
                        public class Twin implements io.dishtayantra.api.Calculator {
                            public java.util.Map<String, Object> calculate(java.util.Map<String, Object> in) { return in; }
                        }"""),
                source(brokenSources, "shout.Upper", """
                        public class Upper implements io.dishtayantra.api.Transformer {
                            public java.util.Map<String, Object> transform(java.util.Map<String, Object> in) {
                                java.util.Map<String, Object> out = new java.util.LinkedHashMap<>(in);
                                out.put("text", String.valueOf(in.get("text")).toUpperCase());
                                return out;
                            }
                        }"""));
        Path brokenClasses = TestCompiler.compile(sources, WORK.resolve("broken-classes"));
        Files.createDirectories(brokenClasses.resolve("META-INF/services"));
        Files.writeString(brokenClasses.resolve("META-INF/services/io.dishtayantra.api.Calculator"),
                "one.Twin\ntwo.Twin\n");
        Files.writeString(brokenClasses.resolve("META-INF/services/io.dishtayantra.api.Transformer"), "shout.Upper\n");
        TestCompiler.jar(brokenClasses, FOLDER.resolve("z-more-plugins.jar"));
        Files.writeString(FOLDER.resolve("README.txt"), "not a jar, ignored");

        classLoader = (URLClassLoader) PluginClassLoaders.forFolder(FOLDER);
        loader = new PluginLoader(classLoader, "plugin folder " + FOLDER);
    }

    @AfterAll
    static void closeLoader() throws IOException {
        classLoader.close();
    }

    @Test
    void examplePluginIsNotOnTheTestClasspath() {
        assertThatThrownBy(() -> Class.forName("com.example.dishtayantra.VwapCalculator"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void loadsByClassNameAndRunsWithContext() throws Exception {
        Calculator calculator = loader.newCalculator("com.example.dishtayantra.VwapCalculator");
        TestPluginContext context = TestPluginContext.of("vwap", Map.of("outputField", "avg"), Path.of("."));
        calculator.start(context);

        calculator.calculate(Map.of("symbol", "ACME", "price", 10.0, "qty", 100));
        Map<String, Object> output = calculator.calculate(Map.of("symbol", "ACME", "price", 20.0, "qty", 300));

        assertThat(output).containsEntry("avg", 17.5);
        assertThat(calculator.getClass().getClassLoader()).isSameAs(classLoader);
        assertThat(context.gauge("vwap_symbols")).isEqualTo(1.0);
        assertThatThrownBy(() -> calculator.calculate(Map.of("symbol", "ACME")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(context.counter("vwap_skipped_total")).isEqualTo(1);
        calculator.close();
    }

    @Test
    void loadsByServiceLoaderSimpleName() throws Exception {
        Calculator calculator = loader.newCalculator("VwapCalculator");

        assertThat(calculator.getClass().getName()).isEqualTo("com.example.dishtayantra.VwapCalculator");
        assertThat(loader.hasCalculator("VwapCalculator")).isTrue();
    }

    @Test
    void loadsTransformerByServiceLoaderSimpleName() throws Exception {
        Transformer transformer = loader.newTransformer("Upper");

        assertThat(transformer.transform(Map.of("text", "abc"))).containsEntry("text", "ABC");
        assertThat(loader.hasTransformer("Upper")).isTrue();
        assertThat(loader.hasCalculator("Upper")).isFalse();
    }

    @Test
    void listsCalculatorProviders() {
        assertThat(loader.calculatorProviders())
                .containsExactly("com.example.dishtayantra.VwapCalculator", "one.Twin", "two.Twin");
    }

    @Test
    void ambiguousSimpleNameIsRejected() {
        assertThatThrownBy(() -> loader.newCalculator("Twin"))
                .isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("[one.Twin, two.Twin]");
        assertThat(loader.hasCalculator("two.Twin")).isTrue();
    }

    @Test
    void unknownClassNameIsRejected() {
        assertThatThrownBy(() -> loader.newCalculator("com.example.Missing"))
                .isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("'com.example.Missing'")
                .hasMessageContaining("class not found in plugin folder")
                .hasMessageContaining("DISHTAYANTRA_PLUGIN_DIR");
    }

    @Test
    void unknownSimpleNameIsRejected() {
        assertThatThrownBy(() -> loader.newCalculator("Vwap"))
                .isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("no built-in type and no Calculator provider");
    }

    @Test
    void classNotImplementingCalculatorIsRejected() {
        assertThat(loader.checkCalculator("bad.NotACalculator"))
                .hasValueSatisfying(message -> assertThat(message).contains("does not implement io.dishtayantra.api.Calculator"));
    }

    @Test
    void classWithoutNoArgumentConstructorIsRejected() {
        assertThatThrownBy(() -> loader.newCalculator("bad.NoDefaultConstructor"))
                .isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("no public no-argument constructor");
    }

    @Test
    void abstractClassIsRejected() {
        assertThat(loader.checkCalculator("bad.AbstractCalculator"))
                .hasValueSatisfying(message -> assertThat(message).contains("is abstract"));
    }

    @Test
    void throwingConstructorIsReportedWithItsCause() {
        assertThatThrownBy(() -> loader.newCalculator("bad.ThrowingConstructor"))
                .isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("no licence file")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void validClassPassesCheck() {
        assertThat(loader.checkCalculator("com.example.dishtayantra.VwapCalculator")).isEmpty();
    }

    @Test
    void runtimeClasspathClassesLoadWithoutFolder() throws Exception {
        PluginLoader runtimeOnly = new PluginLoader(getClass().getClassLoader(), "the classpath");

        assertThat(runtimeOnly.checkCalculator("io.dishtayantra.runtime.calculator.MeteredCalculator"))
                .hasValueSatisfying(message -> assertThat(message).contains("no public no-argument constructor"));
        assertThat(runtimeOnly.hasCalculator("VwapCalculator")).isFalse();
    }

    @Test
    void folderSettingPrefersCliOverEnvironment() {
        Map<String, String> environment = Map.of(PluginClassLoaders.PLUGIN_DIR_VARIABLE, "/from/env");

        assertThat(PluginClassLoaders.folderFrom(Path.of("/from/cli"), environment::get)).isEqualTo(Path.of("/from/cli"));
        assertThat(PluginClassLoaders.folderFrom(null, environment::get)).isEqualTo(Path.of("/from/env"));
        assertThat(PluginClassLoaders.folderFrom(null, name -> " ")).isNull();
    }

    @Test
    void folderLoaderHasOnlyJarsInNameOrder() {
        assertThat(classLoader.getURLs()).extracting(url -> Path.of(url.getPath()).getFileName().toString())
                .containsExactly("vwap-plugin.jar", "z-more-plugins.jar");
    }

    @Test
    void missingFolderIsRejectedNamingTheSettings() {
        assertThatThrownBy(() -> PluginClassLoaders.forFolder(WORK.resolve("nope")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope")
                .hasMessageContaining("--plugins");
    }

    private static Path source(Path root, String className, String body) throws IOException {
        int dot = className.lastIndexOf('.');
        Path file = root.resolve(className.replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "package " + className.substring(0, dot) + ";\n" + body + "\n");
        return file;
    }
}
