package io.dishtayantra.operator.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.v1alpha1.RuntimeSpec;
import io.dishtayantra.operator.OperatorFixture;
import io.dishtayantra.operator.TestDags;
import io.dishtayantra.operator.config.OperatorConfig;
import io.dishtayantra.operator.reconciler.NormalizerSpecNormalization;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The desired Deployment is a pure function of the DAG's spec: what rolls pods and what does not. */
class RuntimeDeploymentModelTest {

    private final OperatorConfig config = OperatorFixture.config("models", false, "test");
    private final NormalizerSpecNormalization normalization = new NormalizerSpecNormalization();

    @Test
    void metadataOnlyChangeKeepsTemplate() {
        Dag original = dag();
        Dag relabelled = dag();
        relabelled.getMetadata().setLabels(Map.of("team", "pricing"));
        relabelled.getMetadata().setAnnotations(Map.of("note", "reviewed"));
        relabelled.getMetadata().setGeneration(7L);

        assertThat(template(relabelled)).isEqualTo(template(original));
    }

    @Test
    void suspendAndScaleKeepTemplate() {
        Dag original = dag();
        Dag changed = dag();
        changed.getSpec().setSuspend(true);
        changed.getSpec().setRuntime(new RuntimeSpec());
        changed.getSpec().getRuntime().setParallelism(3);
        changed.getSpec().getRuntime().setReplicas(2);

        assertThat(template(changed)).isEqualTo(template(original));
        assertThat(deployment(changed).getSpec().getReplicas()).isEqualTo(6);
    }

    @Test
    void specChangeChangesHash() {
        Dag changed = dag();
        changed.getSpec().getCalculators().getFirst().getConfig().put("defaults", Map.of("desk", "EM"));

        assertThat(hash(changed)).isNotEqualTo(hash(dag()));
    }

    @Test
    void runtimeImageOverridesDefault() {
        Dag dag = dag();
        dag.getSpec().getRuntime().setImage("registry.example/runtime:2.0");

        assertThat(deployment(dag).getSpec().getTemplate().getSpec().getContainers().getFirst().getImage())
                .isEqualTo("registry.example/runtime:2.0");
    }

    private static Dag dag() {
        Dag dag = TestDags.quoteCleaner("models", "quotes");
        dag.getSpec().setRuntime(dag.getSpec().getRuntime() == null ? new RuntimeSpec() : dag.getSpec().getRuntime());
        dag.getSpec().getRuntime().setEnv(null);
        dag.getSpec().getRuntime().setNodeSelector(null);
        dag.getSpec().getRuntime().setTolerations(null);
        dag.getMetadata().setUid("uid-1");
        return dag;
    }

    private Deployment deployment(Dag dag) {
        return RuntimeDeploymentModel.desired(dag, normalization.normalize(dag), config);
    }

    private PodTemplateSpec template(Dag dag) {
        return deployment(dag).getSpec().getTemplate();
    }

    private String hash(Dag dag) {
        return template(dag).getMetadata().getAnnotations().get(Labels.SPEC_HASH_ANNOTATION);
    }
}
