package io.dishtayantra.runtime.cli;

import io.dishtayantra.crd.validation.ComponentCatalog;
import io.dishtayantra.runtime.calculator.CalculatorRegistry;
import io.dishtayantra.runtime.calculator.PluginClassLoaders;
import io.dishtayantra.runtime.catalog.RuntimeCatalog;
import io.dishtayantra.runtime.connector.ConnectorRegistry;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --plugins} option of commands that check manifests, and the catalog of built-in and
 * plugin types it gives, so that custom calculator classes and kinds validate as {@code run} sees them.
 */
final class CatalogOption {

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "Folder of jars with custom calculators, transformers and kinds (default: $"
                    + PluginClassLoaders.PLUGIN_DIR_VARIABLE + ").")
    private Path plugins;

    /**
     * Builds the runtime's catalog with the plugin folder on the class path.
     *
     * @throws IllegalArgumentException when the plugin folder does not exist
     */
    ComponentCatalog catalog() {
        ClassLoader loader = PluginClassLoaders.forFolder(PluginClassLoaders.folderFrom(plugins, System::getenv));
        return new RuntimeCatalog(CalculatorRegistry.load(loader), ConnectorRegistry.load(loader));
    }
}
