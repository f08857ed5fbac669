package io.dishtayantra.crd.manifest;

/**
 * A DAG manifest in canonical form.
 *
 * @param yaml the normalised manifest as YAML, what the runtime pod reads from its ConfigMap
 * @param specHash lowercase hex SHA-256 of the normalised spec (64 characters, so it fits an
 *     annotation but not a label value)
 */
public record NormalizedManifest(String yaml, String specHash) {
}
