package io.dishtayantra.api;

import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;

/**
 * What the engine gives a calculator, transformer, subscriber or publisher when it starts.
 *
 * <p>The configuration has {@code ${env:NAME}} references already resolved. It is immutable.
 */
public interface PluginContext {

    /** Name of the DAG that declared the component. */
    String dagName();

    /** Name of the component in the manifest (the calculator's, publisher's, … {@code name}). */
    String componentName();

    /** The component's {@code config} from the manifest, with environment references resolved. */
    Map<String, Object> config();

    /** Logger whose lines carry the DAG and component names. */
    Logger logger();

    /** Metrics of this component, exported with DAG and component labels. */
    PluginMetrics metrics();

    /** Folder that relative paths in the configuration resolve against (the manifest's folder). */
    Path baseDirectory();
}
