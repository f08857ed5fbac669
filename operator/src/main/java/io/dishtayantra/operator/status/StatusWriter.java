package io.dishtayantra.operator.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.v1alpha1.DagStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.Objects;

/**
 * Writes a DAG's status only when it changed, ignoring condition transition times, as a patch of
 * the status subresource that contains nothing but the new status. The patch is a JSON Patch
 * ({@code add /status}) rather than a merge patch so that lists such as conditions are replaced
 * whole. It carries no resourceVersion, so it never fails with a 409 conflict on a stale cache.
 */
public final class StatusWriter {

    private final KubernetesClient client;

    public StatusWriter(KubernetesClient client) {
        this.client = client;
    }

    /**
     * Patches the status when it differs from the DAG's current one.
     *
     * @return whether a patch was sent
     * @throws io.fabric8.kubernetes.client.KubernetesClientException when the API server rejects the patch
     */
    public boolean write(Dag current, DagStatus next) {
        if (sameIgnoringTransitionTimes(current.getStatus(), next)) {
            return false;
        }
        Dag target = new Dag();
        target.setMetadata(new ObjectMetaBuilder()
                .withName(current.getMetadata().getName())
                .withNamespace(current.getMetadata().getNamespace())
                .build());
        ArrayNode patch = JsonNodeFactory.instance.arrayNode();
        patch.addObject()
                .put("op", "add")
                .put("path", "/status")
                .set("value", client.getKubernetesSerialization().convertValue(next, JsonNode.class));
        client.resource(target).subresource("status").patch(PatchContext.of(PatchType.JSON), patch.toString());
        return true;
    }

    /** Returns whether two statuses are equal once every condition's lastTransitionTime is removed. */
    public boolean sameIgnoringTransitionTimes(DagStatus a, DagStatus b) {
        return Objects.equals(withoutTransitionTimes(a), withoutTransitionTimes(b));
    }

    private JsonNode withoutTransitionTimes(DagStatus status) {
        if (status == null) {
            return null;
        }
        JsonNode tree = client.getKubernetesSerialization().convertValue(status, JsonNode.class);
        tree.path("conditions").forEach(condition -> ((ObjectNode) condition).remove("lastTransitionTime"));
        return tree;
    }
}
