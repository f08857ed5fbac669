package io.dishtayantra.charts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Wrong values fail {@code helm template} (and so {@code helm install}) with a message naming the key. */
class ValuesSchemaTest {

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                Arguments.of("replicas as text",
                        Map.of("operator", Map.of("replicas", "two")), "operator.replicas"),
                Arguments.of("zero replicas",
                        Map.of("operator", Map.of("replicas", 0)), "operator.replicas"),
                Arguments.of("unknown log level",
                        Map.of("operator", Map.of("logging", Map.of("level", "LOUD"))), "operator.logging.level"),
                Arguments.of("unknown log format",
                        Map.of("operator", Map.of("logging", Map.of("format", "xml"))), "operator.logging.format"),
                Arguments.of("misspelt key",
                        Map.of("operator", Map.of("replica", 3)), "replica"),
                Arguments.of("unknown top-level key",
                        Map.of("monitorng", Map.of("enabled", true)), "monitorng"),
                Arguments.of("invalid namespace name",
                        Map.of("operator", Map.of("watchNamespaces", List.of("Trading_Desk"))), "operator.watchNamespaces"),
                Arguments.of("invalid pull policy",
                        Map.of("operator", Map.of("image", Map.of("pullPolicy", "Sometimes"))), "operator.image.pullPolicy"),
                Arguments.of("invalid digest",
                        Map.of("runtime", Map.of("image", Map.of("digest", "latest"))), "runtime.image.digest"),
                Arguments.of("port out of range",
                        Map.of("operator", Map.of("httpPort", 70000)), "operator.httpPort"),
                Arguments.of("invalid scrape interval",
                        Map.of("monitoring", Map.of("serviceMonitor", Map.of("interval", "thirty seconds"))),
                        "monitoring.serviceMonitor.interval"),
                Arguments.of("queue ratio above one",
                        Map.of("monitoring", Map.of("prometheusRule", Map.of("queueFullRatio", 1.5))),
                        "monitoring.prometheusRule.queueFullRatio"),
                Arguments.of("operator config key the chart sets itself",
                        Map.of("operator", Map.of("config", Map.of("watch.namespaces", "a,b"))), "watch.namespaces"),
                Arguments.of("invalid runtime pull policy",
                        Map.of("runtime", Map.of("image", Map.of("pullPolicy", "Sometimes"))), "runtime.image.pullPolicy"),
                Arguments.of("unknown operator config key",
                        Map.of("operator", Map.of("config", Map.of("reconcile.thread", 4))), "reconcile.thread"),
                Arguments.of("crds.install as text",
                        Map.of("crds", Map.of("install", "yes")), "crds.install"),
                Arguments.of("several replicas without leader election",
                        Map.of("operator", Map.of("leaderElection", Map.of("enabled", false))),
                        "operator.leaderElection.enabled is false"),
                Arguments.of("budget that blocks every drain",
                        Map.of("operator", Map.of("podDisruptionBudget", Map.of("minAvailable", 2))),
                        "operator.podDisruptionBudget.minAvailable (2) must be lower than operator.replicas (2)"),
                Arguments.of("existing account without a name",
                        Map.of("serviceAccount", Map.of("create", false)), "serviceAccount.name"),
                Arguments.of("egress limit without API server addresses",
                        Map.of("networkPolicy", Map.of("enabled", true, "restrictOperatorEgress", true)),
                        "networkPolicy.apiServerCidrs"),
                Arguments.of("workload namespaces beside watched namespaces",
                        Map.of("operator", Map.of("watchNamespaces", List.of("trading")),
                                "rbac", Map.of("workloadNamespaces", List.of("risk"))),
                        "rbac.workloadNamespaces"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidValues")
    void invalidValueFailsNamingTheKey(String description, Map<String, Object> values, String expectedText) {
        assertThatThrownBy(() -> HelmChart.template(values))
                .as(description)
                .hasMessageContaining(expectedText);
    }

    @Test
    void singleReplicaWithoutLeaderElectionIsAccepted() {
        Map<String, Object> values = Map.of("operator", Map.of(
                "replicas", 1,
                "leaderElection", Map.of("enabled", false),
                "podDisruptionBudget", Map.of("enabled", false)));

        assertThatCode(() -> HelmChart.template(values)).doesNotThrowAnyException();
    }

    @Test
    void percentageBudgetIsAccepted() {
        Map<String, Object> values = Map.of("operator", Map.of("podDisruptionBudget", Map.of("minAvailable", "50%")));

        assertThatCode(() -> HelmChart.template(values)).doesNotThrowAnyException();
    }
}
