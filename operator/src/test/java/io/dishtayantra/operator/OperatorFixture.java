package io.dishtayantra.operator;

import io.dishtayantra.operator.config.LeaderElectionSettings;
import io.dishtayantra.operator.config.OperatorConfig;
import io.dishtayantra.operator.config.OperatorConfigLoader;
import io.dishtayantra.operator.reconciler.RuntimeSpecValidation;
import io.dishtayantra.operator.reconciler.NormalizerSpecNormalization;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Starts real {@link DagOperator}s against a mock cluster, each limited to one namespace. */
public final class OperatorFixture {

    private OperatorFixture() {
    }

    /** Default settings with an ephemeral HTTP port, watching only {@code namespace}. */
    public static OperatorConfig config(String namespace, boolean leaderElection, String identity) {
        try {
            OperatorConfig defaults = OperatorConfigLoader.load(Map.of(), null);
            LeaderElectionSettings election = new LeaderElectionSettings(leaderElection, "dishtayantra-operator",
                    namespace, identity, Duration.ofSeconds(4), Duration.ofSeconds(3), Duration.ofMillis(500), false);
            return defaults.withHttpPort(0).withWatchNamespaces(Set.of(namespace)).withLeaderElection(election);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts an operator.
     *
     * @param exits counts calls of the exit action; tests assert it stays at zero
     */
    public static DagOperator start(KubernetesClient client, OperatorConfig config, AtomicInteger exits) {
        DagOperator operator = new DagOperator(client, config, new RuntimeSpecValidation(), new NormalizerSpecNormalization(),
                exits::incrementAndGet);
        try {
            operator.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return operator;
    }
}
