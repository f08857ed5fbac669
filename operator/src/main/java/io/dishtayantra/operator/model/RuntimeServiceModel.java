package io.dishtayantra.operator.model;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;

/** The ClusterIP Service in front of a DAG's runtime pods, for their HTTP API. */
public final class RuntimeServiceModel {

    private RuntimeServiceModel() {
    }

    /** Builds the desired Service, named like the DAG. Pure: reads its arguments only. */
    public static Service desired(Dag dag) {
        String name = dag.getMetadata().getName();
        return new ServiceBuilder()
                .withNewMetadata()
                    .withName(name)
                    .withNamespace(dag.getMetadata().getNamespace())
                    .withLabels(Labels.forDag(name))
                    .withOwnerReferences(OwnerReferences.controlledBy(dag))
                .endMetadata()
                .withNewSpec()
                    .withType("ClusterIP")
                    .withSelector(Labels.selectorFor(name))
                    .addNewPort()
                        .withName("http")
                        .withProtocol("TCP")
                        .withPort(RuntimeContract.HTTP_PORT)
                        .withTargetPort(new IntOrString("http"))
                    .endPort()
                .endSpec()
                .build();
    }
}
