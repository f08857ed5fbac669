package io.dishtayantra.runtime.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the repository's examples folder from the runtime module's tests. */
final class Examples {

    private Examples() {
    }

    static Path folder() {
        for (Path candidate : new Path[] {Path.of("../examples"), Path.of("examples")}) {
            if (Files.isRegularFile(candidate.resolve("trade-enrichment.yaml"))) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("examples/ not found from " + Path.of("").toAbsolutePath()
                + "; run the tests from the repository root or the runtime module");
    }
}
