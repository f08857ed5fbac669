package io.dishtayantra.runtime.calculator.plugin;

/** A plugin class could not be found, checked or instantiated. */
public final class PluginLoadException extends Exception {

    PluginLoadException(String type, String reason) {
        super("Plugin type '" + type + "': " + reason);
    }

    PluginLoadException(String type, String reason, Throwable cause) {
        super("Plugin type '" + type + "': " + reason, cause);
    }
}
