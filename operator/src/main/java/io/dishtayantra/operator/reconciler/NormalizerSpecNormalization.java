package io.dishtayantra.operator.reconciler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dishtayantra.crd.manifest.NormalizedManifest;
import io.dishtayantra.crd.manifest.SpecNormalizer;
import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.operator.model.NormalizedSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Normalises with the shared {@link SpecNormalizer}, which fills in the engine's defaults and
 * sorts what has no order, and hashes the normalised spec without {@code suspend},
 * {@code runtime.replicas} and {@code runtime.parallelism}: the runtime applies those without a
 * restart, so changing them must not roll the pods. Thread-safe.
 */
public final class NormalizerSpecNormalization implements SpecNormalization {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SpecNormalizer normalizer = new SpecNormalizer();

    @Override
    public NormalizedSpec normalize(Dag dag) {
        NormalizedManifest manifest = normalizer.normalize(dag);
        ObjectNode spec = normalizer.normalizedTree(dag).path("spec").deepCopy();
        spec.remove("suspend");
        if (spec.get("runtime") instanceof ObjectNode runtime) {
            runtime.remove("replicas");
            runtime.remove("parallelism");
        }
        return new NormalizedSpec(manifest.yaml(), sha256(spec));
    }

    private static String sha256(ObjectNode spec) {
        try {
            byte[] json = JSON.writeValueAsString(spec).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash a normalised DAG spec", e);
        }
    }
}
