package io.dishtayantra.operator.reconciler;

import io.dishtayantra.operator.model.Labels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Creates or updates one owned object. The desired object is hashed and the hash stored in an
 * annotation, so an unchanged desired object causes no write however the API server fills in
 * defaults. Updates are full replacements carrying the observed resourceVersion: a concurrent
 * change fails with 409 and JOSDK retries the reconciliation.
 */
public final class ResourceApplier {

    /** Outcome of {@link #apply}. */
    public enum Action { CREATED, UPDATED, UNCHANGED }

    /** The object as stored after {@link #apply}, and what was done. */
    public record Applied<T extends HasMetadata>(T resource, Action action) {
    }

    private final KubernetesClient client;

    public ResourceApplier(KubernetesClient client) {
        this.client = client;
    }

    /**
     * Makes the cluster hold {@code desired}.
     *
     * @param desired the object to hold, with its owner reference set; gets the hash annotation
     * @param observed the object as last seen (informer cache), or null when none was seen
     * @throws OwnershipConflictException when an object of that name exists without this owner
     */
    public <T extends HasMetadata> Applied<T> apply(T desired, T observed) {
        String hash = hashOf(desired);
        Map<String, String> annotations = new LinkedHashMap<>();
        if (desired.getMetadata().getAnnotations() != null) {
            annotations.putAll(desired.getMetadata().getAnnotations());
        }
        annotations.put(Labels.APPLIED_HASH_ANNOTATION, hash);
        desired.getMetadata().setAnnotations(annotations);
        T existing = observed;
        if (existing == null) {
            try {
                return new Applied<>(client.resource(desired).create(), Action.CREATED);
            } catch (KubernetesClientException e) {
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                    throw e;
                }
                // Created by someone else, or not in the cache yet: decide on the stored object.
                existing = client.resource(desired).get();
                if (existing == null) {
                    throw e;
                }
            }
        }
        requireSameController(desired, existing);
        if (hash.equals(existing.getMetadata().getAnnotations() == null ? null
                : existing.getMetadata().getAnnotations().get(Labels.APPLIED_HASH_ANNOTATION))) {
            return new Applied<>(existing, Action.UNCHANGED);
        }
        desired.getMetadata().setResourceVersion(existing.getMetadata().getResourceVersion());
        desired.getMetadata().setAnnotations(merged(existing.getMetadata().getAnnotations(),
                desired.getMetadata().getAnnotations()));
        if (desired instanceof Service service && existing instanceof Service stored && stored.getSpec() != null) {
            // The cluster IP is assigned by the API server and cannot change.
            service.getSpec().setClusterIP(stored.getSpec().getClusterIP());
            service.getSpec().setClusterIPs(stored.getSpec().getClusterIPs());
        }
        return new Applied<>(client.resource(desired).update(), Action.UPDATED);
    }

    private static void requireSameController(HasMetadata desired, HasMetadata existing) {
        OwnerReference wanted = desired.getMetadata().getOwnerReferences().getFirst();
        boolean owned = existing.getMetadata().getOwnerReferences() != null
                && existing.getMetadata().getOwnerReferences().stream()
                        .anyMatch(reference -> wanted.getUid().equals(reference.getUid()));
        if (!owned) {
            throw new OwnershipConflictException(existing.getKind() + " " + existing.getMetadata().getName()
                    + " already exists and is not owned by " + wanted.getKind() + " " + wanted.getName()
                    + "; delete or rename it, or rename the DAG.");
        }
    }

    private static Map<String, String> merged(Map<String, String> existing, Map<String, String> desired) {
        Map<String, String> merged = new LinkedHashMap<>();
        if (existing != null) {
            merged.putAll(existing);
        }
        merged.putAll(desired);
        return merged;
    }

    private String hashOf(HasMetadata desired) {
        try {
            String json = client.getKubernetesSerialization().asJson(desired);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
