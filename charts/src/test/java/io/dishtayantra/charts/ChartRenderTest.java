package io.dishtayantra.charts;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ChartRenderTest {

    @ParameterizedTest
    @EnumSource(ChartScenario.class)
    void everyObjectParsesIntoItsFabric8Type(ChartScenario scenario) {
        List<HasMetadata> objects = HelmChart.templateAsObjects(scenario.chartValues());

        assertThat(objects).isNotEmpty();
        for (HasMetadata object : objects) {
            String id = object.getKind() + " " + object.getMetadata().getName();
            assertThat(object).as(id + " has no fabric8 model class").isNotInstanceOf(GenericKubernetesResource.class);
            assertThat(ModelStrictness.unknownFields(object)).as("unknown fields of " + id).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(ChartScenario.class)
    void objectIdentitiesAreUnique(ChartScenario scenario) {
        Set<String> seen = new HashSet<>();
        for (HasMetadata object : HelmChart.templateAsObjects(scenario.chartValues())) {
            String identity = object.getApiVersion() + "/" + object.getKind() + "/"
                    + object.getMetadata().getNamespace() + "/" + object.getMetadata().getName();
            assertThat(seen.add(identity)).as("rendered twice: " + identity).isTrue();
        }
    }
}
