package io.dishtayantra.operator.model;

/**
 * Contract between the operator and the runtime image: paths, keys and ports. Changing a value here
 * needs the same change in the runtime; docs/operator.md describes the contract.
 */
public final class RuntimeContract {

    /** Folder the DAG's ConfigMap is mounted at, read-only. */
    public static final String CONFIG_DIR = "/etc/dishtayantra";

    /** ConfigMap key and file name of the normalised manifest, the file {@code dishtayantra run} takes. */
    public static final String MANIFEST_KEY = "dag.yaml";

    /**
     * ConfigMap key holding {@code true} or {@code false}. The runtime polls the mounted file and
     * stops or resumes intake without a restart. The kubelet refreshes mounted ConfigMaps with a
     * delay (up to about two minutes by default), so suspension is not instant.
     */
    public static final String SUSPEND_KEY = "suspend";

    /** ConfigMap key holding the number of active instances, polled like {@link #SUSPEND_KEY}. */
    public static final String PARALLELISM_KEY = "parallelism";

    /** Writable folder for the runtime's local state (an emptyDir). */
    public static final String DATA_DIR = "/var/lib/dishtayantra";

    /** Port of the runtime's HTTP API, health and metrics endpoints. */
    public static final int HTTP_PORT = 8080;

    public static final String LIVENESS_PATH = "/health/live";
    public static final String READINESS_PATH = "/health/ready";
    public static final String METRICS_PATH = "/metrics";

    /** Arguments passed to the image's entrypoint ({@code java -jar dishtayantra.jar}). */
    public static final String[] RUN_ARGUMENTS = {"run", CONFIG_DIR + "/" + MANIFEST_KEY};

    /** User and group id the runtime runs as; the image creates this user. */
    public static final long RUNTIME_USER = 10001L;

    private RuntimeContract() {
    }
}
