package io.dishtayantra.charts;

import io.fabric8.kubernetes.api.model.ConfigMap;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kube-state-metrics custom-resource-state configuration reads fields that the CRDs define,
 * and names the metrics the dashboard and alerts query.
 */
class KubeStateMetricsConfigTest {

    static final Path CONFIG = HelmChart.chartDirectory().resolve("files/kube-state-metrics/custom-resource-state.yaml");

    /** Object metadata fields every Kubernetes object has; the CRD schemas do not list them. */
    private static final Set<String> METADATA_FIELDS = Set.of("name", "namespace", "generation", "labels", "annotations");

    /** Returns the metric names the configuration produces: metricNamePrefix + "_" + name. */
    @SuppressWarnings("unchecked")
    static Set<String> metricNames() {
        Set<String> names = new TreeSet<>();
        for (Map<String, Object> resource : resources()) {
            String prefix = (String) resource.get("metricNamePrefix");
            for (Map<String, Object> metric : (List<Map<String, Object>>) resource.get("metrics")) {
                names.add(prefix + "_" + metric.get("name"));
            }
        }
        return names;
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyPathExistsInTheCrdSchema() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Map<String, Object> resource : resources()) {
            Map<String, Object> gvk = (Map<String, Object>) resource.get("groupVersionKind");
            Map<String, Object> schema = crdSchema((String) gvk.get("group"), (String) gvk.get("version"), (String) gvk.get("kind"));
            String kind = (String) gvk.get("kind");
            ((Map<String, List<String>>) resource.get("labelsFromPath")).values()
                    .forEach(path -> check(schema, path, kind, missing));
            for (Map<String, Object> metric : (List<Map<String, Object>>) resource.get("metrics")) {
                Map<String, Object> each = (Map<String, Object>) metric.get("each");
                String type = (String) each.get("type");
                Map<String, Object> settings = (Map<String, Object>) each.get(Character.toLowerCase(type.charAt(0)) + type.substring(1));
                List<String> path = (List<String>) settings.get("path");
                check(schema, path, kind + " " + metric.get("name"), missing);
                Map<String, Object> items = child(schema, path);
                Object valueFrom = settings.get("valueFrom");
                if (valueFrom != null) {
                    check(itemsOf(items), (List<String>) valueFrom, kind + " " + metric.get("name") + " valueFrom", missing);
                }
                Map<String, List<String>> labels = (Map<String, List<String>>) settings.getOrDefault("labelsFromPath", Map.of());
                labels.values().stream().filter(relative -> !relative.isEmpty())
                        .forEach(relative -> check(itemsOf(items), relative, kind + " " + metric.get("name") + " label", missing));
            }
        }

        assertThat(missing).as("paths not in the CRD schemas").isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void stateSetsListTheDocumentedStates() {
        int stateSets = 0;
        for (Map<String, Object> resource : resources()) {
            Map<String, Object> gvk = (Map<String, Object>) resource.get("groupVersionKind");
            Map<String, Object> schema = crdSchema((String) gvk.get("group"), (String) gvk.get("version"), (String) gvk.get("kind"));
            for (Map<String, Object> metric : (List<Map<String, Object>>) resource.get("metrics")) {
                Map<String, Object> stateSet = (Map<String, Object>) ((Map<String, Object>) metric.get("each")).get("stateSet");
                if (stateSet == null) {
                    continue;
                }
                stateSets++;
                String description = (String) child(schema, (List<String>) stateSet.get("path")).get("description");
                for (String state : (List<String>) stateSet.get("list")) {
                    assertThat(description).as(gvk.get("kind") + " " + stateSet.get("path") + " description lists " + state)
                            .contains(state);
                }
            }
        }

        assertThat(stateSets).as("StateSet metrics").isEqualTo(2);
    }

    @Test
    void configMapCarriesTheConfiguration() throws IOException {
        ConfigMap configMap = OperatorDeploymentTest.only(HelmChart.templateAsObjects(ChartScenario.MONITORING.chartValues()),
                ConfigMap.class, HelmChart.FULLNAME + "-kube-state-metrics");

        assertThat(HelmChart.readYaml(configMap.getData().get("custom-resource-state.yaml")))
                .isEqualTo(HelmChart.readYaml(Files.readString(CONFIG)));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> resources() {
        Map<String, Object> spec = (Map<String, Object>) HelmChart.readYaml(CONFIG).get("spec");
        return (List<Map<String, Object>>) spec.get("resources");
    }

    private static void check(Map<String, Object> schema, List<String> path, String what, List<String> missing) {
        if (!path.isEmpty() && path.get(0).equals("metadata")) {
            if (path.size() != 2 || !METADATA_FIELDS.contains(path.get(1))) {
                missing.add(what + ": " + path);
            }
            return;
        }
        if (child(schema, path) == null) {
            missing.add(what + ": " + path);
        }
    }

    /** Follows a field path through an OpenAPI schema; null when a step is not a known property. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> schema, List<String> path) {
        Map<String, Object> current = schema;
        for (String step : path) {
            if (current == null) {
                return null;
            }
            Map<String, Object> properties = (Map<String, Object>) current.get("properties");
            current = properties == null ? null : (Map<String, Object>) properties.get(step);
        }
        return current;
    }

    /** Returns the schema of an array's items, or the schema itself when it is not an array. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> itemsOf(Map<String, Object> schema) {
        if (schema != null && "array".equals(schema.get("type"))) {
            return (Map<String, Object>) schema.get("items");
        }
        return schema;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> crdSchema(String group, String version, String kind) {
        try (Stream<Path> files = Files.list(HelmChart.repositoryRoot().resolve("crds"))) {
            for (Path file : files.filter(name -> name.toString().endsWith(".yml")).toList()) {
                Map<String, Object> crd = HelmChart.readYaml(file);
                Map<String, Object> spec = (Map<String, Object>) crd.get("spec");
                Map<String, Object> names = (Map<String, Object>) spec.get("names");
                if (!group.equals(spec.get("group")) || !kind.equals(names.get("kind"))) {
                    continue;
                }
                for (Map<String, Object> served : (List<Map<String, Object>>) spec.get("versions")) {
                    if (version.equals(served.get("name"))) {
                        return (Map<String, Object>) ((Map<String, Object>) served.get("schema")).get("openAPIV3Schema");
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read crds/", e);
        }
        throw new AssertionError("No CRD in crds/ serves " + group + "/" + version + " " + kind);
    }
}
