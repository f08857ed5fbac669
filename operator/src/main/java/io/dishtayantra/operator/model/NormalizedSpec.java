package io.dishtayantra.operator.model;

/**
 * A DAG's spec in the form the runtime loads, with the hash that decides whether pods roll.
 *
 * @param manifestYaml the normalised manifest: defaults filled in, keys in a stable order
 * @param specHash hash of the manifest without the fields that change without a restart
 *     ({@code spec.suspend}, {@code spec.runtime.replicas}, {@code spec.runtime.parallelism});
 *     equal specs give equal hashes on every operator version that uses the same normaliser
 */
public record NormalizedSpec(String manifestYaml, String specHash) {
}
