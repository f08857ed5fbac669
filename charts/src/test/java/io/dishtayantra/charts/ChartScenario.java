package io.dishtayantra.charts;

import java.util.List;
import java.util.Map;

/** The values combinations every chart test renders: what users install most. */
enum ChartScenario {

    DEFAULTS(Map.of()),

    WATCH_NAMESPACES(Map.of("operator", Map.of("watchNamespaces", List.of("trading", "risk")))),

    MONITORING(Map.of("monitoring", Map.of(
            "serviceMonitor", Map.of("enabled", true, "labels", Map.of("release", "kube-prometheus-stack")),
            "podMonitor", Map.of("enabled", true),
            "prometheusRule", Map.of("enabled", true),
            "grafanaDashboard", Map.of("enabled", true),
            "kubeStateMetrics", Map.of("enabled", true)))),

    NETWORK_POLICY(Map.of(
            "operator", Map.of("watchNamespaces", List.of("trading")),
            "networkPolicy", Map.of(
                    "enabled", true,
                    "metricsFrom", List.of(Map.of("namespaceSelector",
                            Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", "monitoring")))),
                    "restrictOperatorEgress", true,
                    "apiServerCidrs", List.of("10.96.0.1/32"))));

    private final Map<String, Object> values;

    ChartScenario(Map<String, Object> values) {
        this.values = values;
    }

    Map<String, Object> chartValues() {
        return values;
    }
}
