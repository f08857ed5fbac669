package io.dishtayantra.operator.model;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/** The ConfigMap a DAG's runtime pods mount: the normalised manifest, suspension and parallelism. */
public final class ManifestConfigMapModel {

    private ManifestConfigMapModel() {
    }

    /** Builds the desired ConfigMap, named like the DAG. Pure: reads its arguments only. */
    public static ConfigMap desired(Dag dag, NormalizedSpec spec) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(RuntimeContract.MANIFEST_KEY, spec.manifestYaml());
        data.put(RuntimeContract.SUSPEND_KEY, Boolean.toString(dag.getSpec().suspended()));
        data.put(RuntimeContract.PARALLELISM_KEY, Integer.toString(RuntimeSettings.parallelism(dag)));
        return new ConfigMapBuilder()
                .withNewMetadata()
                    .withName(dag.getMetadata().getName())
                    .withNamespace(dag.getMetadata().getNamespace())
                    .withLabels(Labels.forDag(dag.getMetadata().getName()))
                    .withOwnerReferences(OwnerReferences.controlledBy(dag))
                .endMetadata()
                .withData(data)
                .build();
    }
}
