package io.dishtayantra.api.connector;

import io.dishtayantra.api.PluginContext;
import java.net.URI;

/** What the engine gives a subscriber or publisher at start, beyond the common plugin context. */
public interface ConnectorContext extends PluginContext {

    /** The connector's URI from the manifest, with environment references resolved. */
    URI uri();

    /** Where the connector reports whether it is connected. */
    ConnectorHealth health();
}
