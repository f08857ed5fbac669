package io.dishtayantra.runtime.calculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dishtayantra.api.Calculator;
import io.dishtayantra.api.Transformer;
import io.dishtayantra.crd.v1alpha1.ComponentSpec;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalculatorRegistryTest {

    @TempDir
    Path folder;

    @Test
    void builtInTypesComeFromServiceLoader() throws Exception {
        CalculatorRegistry registry = CalculatorRegistry.load(getClass().getClassLoader());

        assertThat(registry.calculatorTypes()).contains("ApplyDefaults", "Counter");
        Calculator calculator = registry.createCalculator(new ComponentSpec("d", "ApplyDefaults",
                Map.of("defaults", Map.of("x", 1))));
        assertThat(calculator.calculate(Map.of())).isEqualTo(Map.of("x", 1));
    }

    @Test
    void classNameOnClassPathIsLoaded() throws Exception {
        CalculatorRegistry registry = CalculatorRegistry.load(getClass().getClassLoader());

        Calculator calculator = registry.createCalculator(new ComponentSpec("odd",
                "io.dishtayantra.runtime.testplugins.FailOnOdd", Map.of()));

        assertThat(calculator.calculate(Map.of("id", 2))).isEqualTo(Map.of("id", 2));
        assertThat(registry.validateCalculator(new ComponentSpec("odd", "io.dishtayantra.runtime.testplugins.FailOnOdd",
                Map.of()), "spec.calculators[0]")).isEmpty();
    }

    @Test
    void unknownTypeListsKnownTypes() {
        CalculatorRegistry registry = CalculatorRegistry.load(getClass().getClassLoader());

        assertThatThrownBy(() -> registry.createCalculator(new ComponentSpec("x", "ApplyDefault", Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown calculator type 'ApplyDefault'; use one of [")
                .hasMessageContaining("ApplyDefaults");
        assertThat(registry.validateCalculator(new ComponentSpec("x", "com.acme.Missing", Map.of()), "spec.calculators[3]"))
                .extracting(Object::toString).singleElement().asString()
                .startsWith("spec.calculators[3].type (com.acme.Missing): The class cannot be loaded");
        assertThat(registry.validateTransformer(new ComponentSpec("x", "io.dishtayantra.runtime.testplugins.FailOnOdd",
                Map.of()), "spec.transformers[0]")).extracting(Object::toString)
                .containsExactly("spec.transformers[0].type (io.dishtayantra.runtime.testplugins.FailOnOdd): "
                        + "The class does not implement io.dishtayantra.api.Transformer.");
    }

    @Test
    void pluginFolderJarIsLoaded() throws Exception {
        Path source = folder.resolve("src/com/acme/Shout.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package com.acme;

                import java.util.HashMap;
                import java.util.Map;

                public class Shout implements io.dishtayantra.api.Transformer {
                    @Override
                    public Map<String, Object> transform(Map<String, Object> input) {
                        Map<String, Object> output = new HashMap<>(input);
                        output.put("word", String.valueOf(input.get("word")).toUpperCase());
                        return output;
                    }
                }
                """);
        Path classes = folder.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int status = compiler.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                source.toString());
        assertThat(status).isZero();
        Path plugins = folder.resolve("plugins");
        Files.createDirectories(plugins);
        try (OutputStream file = Files.newOutputStream(plugins.resolve("acme.jar"));
                JarOutputStream jar = new JarOutputStream(file)) {
            jar.putNextEntry(new JarEntry("com/acme/Shout.class"));
            jar.write(Files.readAllBytes(classes.resolve("com/acme/Shout.class")));
            jar.closeEntry();
        }

        CalculatorRegistry registry = CalculatorRegistry.load(PluginClassLoaders.forFolder(plugins));
        Transformer transformer = registry.createTransformer(new ComponentSpec("shout", "com.acme.Shout", Map.of()));
        Calculator asCalculator = registry.createCalculator(new ComponentSpec("shout", "com.acme.Shout", Map.of()));

        assertThat(transformer.transform(Map.of("word", "hi"))).isEqualTo(Map.of("word", "HI"));
        assertThat(asCalculator.calculate(Map.of("word", "yo"))).isEqualTo(Map.of("word", "YO"));
    }

    @Test
    void pluginFolderComesFromOptionThenEnvironment() {
        Map<String, String> environment = Map.of(PluginClassLoaders.PLUGIN_DIR_VARIABLE, "/opt/plugins");

        assertThat(PluginClassLoaders.folderFrom(Path.of("/cli"), environment::get)).isEqualTo(Path.of("/cli"));
        assertThat(PluginClassLoaders.folderFrom(null, environment::get)).isEqualTo(Path.of("/opt/plugins"));
        assertThat(PluginClassLoaders.folderFrom(null, name -> null)).isNull();
        assertThatThrownBy(() -> PluginClassLoaders.forFolder(folder.resolve("missing")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not exist");
        assertThat(List.of(CalculatorRegistry.isClassName("com.acme.Shout"), CalculatorRegistry.isClassName("Shout")))
                .containsExactly(true, false);
    }
}
