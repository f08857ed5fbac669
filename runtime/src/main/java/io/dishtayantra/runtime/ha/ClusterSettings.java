package io.dishtayantra.runtime.ha;

import java.util.Map;
import java.util.Optional;

/**
 * Settings of a runtime that the operator started in a pod, read from the environment that the
 * operator's Deployment sets.
 *
 * <ul>
 *   <li>{@code DISHTAYANTRA_MODE}: {@code cluster} elects active instances through Leases;
 *       {@code local} or unset runs every DAG at once, as on a laptop.
 *   <li>{@code POD_NAME}: the holder identity written into the Leases.
 *   <li>{@code POD_NAMESPACE}: the namespace of the Leases.
 * </ul>
 *
 * The API server is found as fabric8 finds it: the pod's service account, or {@code KUBECONFIG}.
 *
 * @param identity holder identity of this process in the Leases
 * @param namespace namespace of the Leases
 */
public record ClusterSettings(String identity, String namespace) {

    public static final String MODE_VARIABLE = "DISHTAYANTRA_MODE";
    public static final String CLUSTER_MODE = "cluster";
    public static final String LOCAL_MODE = "local";

    /**
     * Reads the settings, or returns empty in local mode.
     *
     * @throws IllegalArgumentException when the mode is unknown, or cluster mode lacks the pod's
     *     name or namespace; the message names the variable and what to set
     */
    public static Optional<ClusterSettings> fromEnvironment(Map<String, String> environment) {
        String mode = environment.getOrDefault(MODE_VARIABLE, "").trim();
        if (mode.isEmpty() || mode.equals(LOCAL_MODE)) {
            return Optional.empty();
        }
        if (!mode.equals(CLUSTER_MODE)) {
            throw new IllegalArgumentException(MODE_VARIABLE + " '" + mode + "' is invalid: set it to "
                    + CLUSTER_MODE + " or " + LOCAL_MODE + ", or leave it unset");
        }
        return Optional.of(new ClusterSettings(required(environment, "POD_NAME"), required(environment, "POD_NAMESPACE")));
    }

    private static String required(Map<String, String> environment, String variable) {
        String value = environment.getOrDefault(variable, "").trim();
        if (value.isEmpty()) {
            throw new IllegalArgumentException(MODE_VARIABLE + "=" + CLUSTER_MODE + " needs " + variable
                    + ": set it from the pod's metadata through the downward API");
        }
        return value;
    }
}
