package io.dishtayantra.runtime.connector.testing;

import io.dishtayantra.crd.manifest.ManifestDocument;
import io.dishtayantra.crd.manifest.ManifestLoader;
import io.dishtayantra.crd.v1alpha1.Dag;
import java.nio.file.Path;
import java.util.List;

/** Parses DAG manifests written in tests. */
public final class Manifests {

    private Manifests() {
    }

    /** Parses one DAG, failing the test on any parse problem. */
    public static Dag dag(String yaml) {
        List<ManifestDocument> documents = new ManifestLoader().parse(yaml, Path.of("test.yaml"));
        ManifestDocument document = documents.getFirst();
        if (!document.problems().isEmpty()) {
            throw new AssertionError("test manifest has problems: " + document.problems());
        }
        return (Dag) document.resource();
    }
}
