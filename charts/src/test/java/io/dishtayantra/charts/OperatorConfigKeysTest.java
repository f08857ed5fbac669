package io.dishtayantra.charts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dishtayantra.operator.config.OperatorConfigLoader;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every key of the operator's configuration is either set by the chart (as a DY_OPERATOR_*
 * variable of the Deployment) or allowed in the operator.config value, never both. The keys are
 * read from the operator's configuration loader, so a new key fails here until the chart handles it.
 */
class OperatorConfigKeysTest {

    /** Each replica sets its own Lease holder identity from POD_NAME; one value for all would break election. */
    private static final Set<String> PER_POD_KEYS = Set.of("leader-election.identity");

    @Test
    void chartSetsOrAllowsEveryOperatorKey() throws Exception {
        Set<String> operatorKeys = operatorKeys();
        Set<String> chartSet = chartSetKeys(operatorKeys);
        Set<String> allowed = allowedConfigKeys();

        Set<String> covered = new TreeSet<>(chartSet);
        covered.addAll(allowed);
        covered.addAll(PER_POD_KEYS);
        assertThat(covered).as("keys the chart sets, allows in operator.config or leaves per pod")
                .isEqualTo(operatorKeys);
        assertThat(chartSet).as("keys both set by the chart and allowed in operator.config")
                .doesNotContainAnyElementsOf(allowed);
    }

    @Test
    void chartSetsTheImagesAndNamespaces() throws Exception {
        assertThat(chartSetKeys(operatorKeys())).contains("watch.namespaces", "runtime.image", "http.port",
                "leader-election.enabled", "leader-election.lease-name", "leader-election.lease-namespace");
    }

    /** Reads the configuration keys from the loader's constants: every static String but the file variable. */
    private static Set<String> operatorKeys() throws IllegalAccessException {
        Set<String> keys = new TreeSet<>();
        for (Field field : OperatorConfigLoader.class.getDeclaredFields()) {
            boolean constant = Modifier.isStatic(field.getModifiers()) && Modifier.isFinal(field.getModifiers())
                    && field.getType() == String.class;
            if (!constant || field.getName().equals("CONFIG_FILE_VARIABLE")) {
                continue;
            }
            field.setAccessible(true);
            keys.add((String) field.get(null));
        }
        return keys;
    }

    private static Set<String> chartSetKeys(Set<String> operatorKeys) {
        Deployment deployment = OperatorDeploymentTest.only(HelmChart.templateAsObjects(Map.of()), Deployment.class);
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        Set<String> variables = new TreeSet<>();
        container.getEnv().forEach(variable -> variables.add(variable.getName()));

        Set<String> keys = new TreeSet<>();
        for (String key : operatorKeys) {
            if (variables.contains(OperatorConfigLoader.environmentVariable(key))) {
                keys.add(key);
            }
        }
        return keys;
    }

    private static Set<String> allowedConfigKeys() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(Files.readString(HelmChart.chartDirectory().resolve("values.schema.json")));
        Set<String> keys = new TreeSet<>();
        schema.at("/properties/operator/properties/config/propertyNames/enum").forEach(key -> keys.add(key.asText()));
        return keys;
    }
}
