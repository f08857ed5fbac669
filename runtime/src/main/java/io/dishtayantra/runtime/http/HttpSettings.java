package io.dishtayantra.runtime.http;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * How the runtime's HTTP server runs: where it listens, whether it is in a cluster, and where
 * it keeps its users and tokens.
 *
 * @param bindAddress address to listen on, such as 127.0.0.1 or 0.0.0.0
 * @param port TCP port; 0 picks a free port
 * @param mode standalone (users file, sessions) or cluster (Kubernetes tokens, operator owns lifecycle)
 * @param dataDirectory folder that holds the users and tokens files
 * @param namespace namespace of the DAG resources, used for access reviews in cluster mode
 * @param logFile the log file that the logs page offers for download, or null when none is configured
 */
public record HttpSettings(String bindAddress, int port, Mode mode, Path dataDirectory, String namespace, Path logFile) {

    /** Environment variable that selects {@link Mode#CLUSTER} when set to {@code cluster}. */
    public static final String MODE_VARIABLE = "DISHTAYANTRA_MODE";

    /** Environment variable naming the data folder; the default is {@code ./.dishtayantra}. */
    public static final String DATA_DIR_VARIABLE = "DISHTAYANTRA_DATA_DIR";

    /** Environment variable naming a log file to offer for download. */
    public static final String LOG_FILE_VARIABLE = "DISHTAYANTRA_LOG_FILE";

    /** The default port of {@code dishtayantra run}. */
    public static final int DEFAULT_PORT = 8080;

    /** Who owns the DAG lifecycle and how callers authenticate. */
    public enum Mode {
        /** A laptop or a single server: local users, API tokens and sessions; all actions allowed. */
        STANDALONE,
        /** A pod managed by the operator: Kubernetes bearer tokens and RBAC; lifecycle actions go through kubectl. */
        CLUSTER
    }

    /**
     * Builds settings from the environment: mode, data folder, namespace and log file, with the
     * bind address defaulting to 0.0.0.0 in a container and 127.0.0.1 elsewhere.
     *
     * @param bindAddress the address to listen on, or null for the default
     * @param port the port to listen on
     */
    public static HttpSettings fromEnvironment(String bindAddress, int port, Map<String, String> environment) {
        Mode mode = "cluster".equalsIgnoreCase(environment.getOrDefault(MODE_VARIABLE, "")) ? Mode.CLUSTER : Mode.STANDALONE;
        Path dataDirectory = Path.of(environment.getOrDefault(DATA_DIR_VARIABLE, ".dishtayantra"));
        String namespace = environment.getOrDefault("POD_NAMESPACE", readServiceAccountNamespace());
        String logFile = environment.get(LOG_FILE_VARIABLE);
        String address = bindAddress != null ? bindAddress : (inContainer(environment) ? "0.0.0.0" : "127.0.0.1");
        return new HttpSettings(address, port, mode, dataDirectory, namespace, logFile == null ? null : Path.of(logFile));
    }

    /** Whether the process runs in a container: a Kubernetes pod, Docker or Podman. */
    static boolean inContainer(Map<String, String> environment) {
        return environment.containsKey("KUBERNETES_SERVICE_HOST")
                || Files.exists(Path.of("/.dockerenv"))
                || Files.exists(Path.of("/run/.containerenv"));
    }

    private static String readServiceAccountNamespace() {
        Path file = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");
        try {
            return Files.isReadable(file) ? Files.readString(file).strip() : "default";
        } catch (java.io.IOException e) {
            return "default";
        }
    }

    /** Whether actions that change the DAG lifecycle belong to the operator. */
    public boolean cluster() {
        return mode == Mode.CLUSTER;
    }
}
