package io.dishtayantra.runtime.ha;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.v1alpha1.RuntimeSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current number of active instances of a DAG: the content of the {@code parallelism} file
 * next to the manifest when it exists (the operator mounts it from the DAG's ConfigMap and
 * Kubernetes refreshes it on {@code kubectl scale}), else {@code spec.runtime.parallelism},
 * else 1. An unreadable or invalid file keeps the last good value and logs one warning per
 * distinct content. Thread-safe.
 */
public final class ParallelismSource implements IntSupplier {

    private static final Logger LOG = LoggerFactory.getLogger(ParallelismSource.class);

    /** File name of the parallelism next to the manifest, as in the operator's ConfigMap. */
    public static final String FILE_NAME = "parallelism";

    private final String dag;
    private final Path file;
    private volatile int last;
    private volatile String lastInvalid;

    /**
     * @param file the file to poll, or null to use the spec's value only
     */
    public ParallelismSource(Dag dag, Path file) {
        this.dag = dag.getMetadata().getName();
        this.file = file;
        RuntimeSpec runtime = dag.getSpec().getRuntime();
        this.last = runtime == null || runtime.getParallelism() == null ? 1 : runtime.getParallelism();
    }

    @Override
    public int getAsInt() {
        if (file == null || !Files.isRegularFile(file)) {
            return last;
        }
        String text;
        try {
            text = Files.readString(file).trim();
        } catch (IOException error) {
            warnOnce("unreadable: " + error, "DAG {}: cannot read {}: {}; keeping parallelism {}", dag, file, error, last);
            return last;
        }
        try {
            int value = Integer.parseInt(text);
            if (value < 0) {
                throw new NumberFormatException("negative");
            }
            last = value;
        } catch (NumberFormatException invalid) {
            warnOnce(text, "DAG {}: {} contains '{}', not a whole number of at least 0; keeping parallelism {}",
                    dag, file, text, last);
        }
        return last;
    }

    private void warnOnce(String key, String format, Object... arguments) {
        if (!key.equals(lastInvalid)) {
            lastInvalid = key;
            LOG.warn(format, arguments);
        }
    }
}
