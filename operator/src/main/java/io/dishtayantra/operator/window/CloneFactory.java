package io.dishtayantra.operator.window;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.v1alpha1.DagSpec;
import io.dishtayantra.crd.window.ClonePlan;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the dated clone of a template DAG: a copy of the template's spec pinned to one
 * occurrence through {@code spec.windowDate}, labelled with the template and owned by it.
 * Thread-safe.
 */
public final class CloneFactory {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private CloneFactory() {
    }

    /**
     * Builds the clone for the occurrence on {@code date}.
     *
     * @param template the template as read from the API server; it must have a name, namespace and uid
     * @throws IllegalArgumentException when the template's name is too long for the template label
     */
    public static Dag cloneOf(Dag template, LocalDate date) {
        String templateName = template.getMetadata().getName();
        if (templateName.length() > CloneLabels.MAX_LABEL_VALUE) {
            throw new IllegalArgumentException("template DAG name '" + templateName + "' is longer than "
                    + CloneLabels.MAX_LABEL_VALUE + " characters, so it cannot be a label value; "
                    + "use a shorter name for a DAG with autoClone");
        }

        DagSpec spec = SERIALIZATION.clone(template.getSpec());
        spec.setWindowDate(date.toString());

        Map<String, String> labels = new LinkedHashMap<>();
        if (template.getMetadata().getLabels() != null) {
            labels.putAll(template.getMetadata().getLabels());
        }
        labels.put(CloneLabels.TEMPLATE, templateName);
        labels.put(CloneLabels.WINDOW_DATE, date.toString());

        ObjectMeta metadata = new ObjectMetaBuilder()
                .withName(ClonePlan.cloneName(templateName, date))
                .withNamespace(template.getMetadata().getNamespace())
                .withLabels(labels)
                .withOwnerReferences(ownerReference(template))
                .build();

        Dag clone = new Dag();
        clone.setMetadata(metadata);
        clone.setSpec(spec);
        return clone;
    }

    /** Builds a reference that makes the template the controlling owner, so deleting it deletes the object. */
    public static OwnerReference ownerReference(Dag template) {
        return new OwnerReferenceBuilder()
                .withApiVersion(Dag.API_VERSION)
                .withKind(Dag.KIND)
                .withName(template.getMetadata().getName())
                .withUid(template.getMetadata().getUid())
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build();
    }
}
