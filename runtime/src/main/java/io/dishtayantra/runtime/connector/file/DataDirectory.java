package io.dishtayantra.runtime.connector.file;

import java.nio.file.Path;

/** The folder where connectors keep state such as file positions: $DISHTAYANTRA_DATA_DIR, default ./.dishtayantra. */
final class DataDirectory {

    static final String VARIABLE = "DISHTAYANTRA_DATA_DIR";

    private DataDirectory() {
    }

    static Path resolve() {
        String configured = System.getenv(VARIABLE);
        return Path.of(configured == null || configured.isBlank() ? ".dishtayantra" : configured);
    }
}
