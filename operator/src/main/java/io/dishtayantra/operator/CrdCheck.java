package io.dishtayantra.operator;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks at startup that the installed DAG CRD has what this operator writes and reads. An older
 * CRD would make the API server silently drop status fields (pruning), so the operator refuses to
 * run on one and logs how to upgrade.
 */
public final class CrdCheck {

    static final String CRD_NAME = "dags.dishtayantra.io";
    static final String VERSION = "v1alpha1";

    /** Schema paths the operator needs, as properties below openAPIV3Schema. */
    static final List<String> REQUIRED_FIELDS = List.of(
            "spec.suspend", "spec.runtime.image", "spec.runtime.parallelism", "spec.runtime.env",
            "status.observedGeneration", "status.phase", "status.ready", "status.message",
            "status.conditions", "status.specHash", "status.selector", "status.parallelism");

    private CrdCheck() {
    }

    /**
     * Returns what is missing from the installed CRD; empty when it is complete.
     *
     * @throws KubernetesClientException when the CRD cannot be read for another reason than 404
     */
    public static List<String> problems(KubernetesClient client) {
        CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions().withName(CRD_NAME).get();
        if (crd == null) {
            return List.of("CRD " + CRD_NAME + " is not installed; run: kubectl apply -f crds/");
        }
        CustomResourceDefinitionVersion version = crd.getSpec().getVersions().stream()
                .filter(candidate -> VERSION.equals(candidate.getName()) && Boolean.TRUE.equals(candidate.getServed()))
                .findFirst().orElse(null);
        if (version == null) {
            return List.of("CRD " + CRD_NAME + " does not serve " + VERSION + "; upgrade it: kubectl replace -f crds/");
        }
        List<String> problems = new ArrayList<>();
        if (version.getSubresources() == null || version.getSubresources().getStatus() == null) {
            problems.add("CRD " + CRD_NAME + " has no status subresource");
        }
        JSONSchemaProps root = version.getSchema() == null ? null : version.getSchema().getOpenAPIV3Schema();
        for (String path : REQUIRED_FIELDS) {
            if (!has(root, path)) {
                problems.add("CRD " + CRD_NAME + " " + VERSION + " lacks field " + path);
            }
        }
        if (!problems.isEmpty()) {
            problems.add("The installed CRD is older than this operator; upgrade it: kubectl replace -f crds/");
        }
        return problems;
    }

    private static boolean has(JSONSchemaProps root, String path) {
        JSONSchemaProps at = root;
        for (String part : path.split("\\.")) {
            if (at == null || at.getProperties() == null) {
                return false;
            }
            at = at.getProperties().get(part);
        }
        return at != null;
    }
}
