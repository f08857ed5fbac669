package io.dishtayantra.operator.config;

import java.time.Duration;
import java.util.Set;

/**
 * Settings of one operator process. Built by {@link OperatorConfigLoader} from environment
 * variables, an optional properties file and defaults; see docs/operator.md for the keys.
 *
 * @param watchNamespaces namespaces whose DAGs are reconciled; empty means every namespace
 * @param watchLabelSelector label selector a DAG must match to be reconciled by this installation;
 *     empty means every DAG. Lets two installations share a cluster without fighting over DAGs
 * @param runtimeImage image of the runtime pods when a DAG's {@code spec.runtime.image} is empty
 * @param runtimeImagePullPolicy pull policy of the runtime container: Always, IfNotPresent or Never
 * @param httpPort port of the metrics and health endpoints
 * @param leaderElection Lease settings; {@code enabled=false} runs every replica as leader
 * @param resyncInterval longest time between two reconciliations of an unchanged DAG
 * @param cacheSyncTimeout how long startup waits for the informers of each namespace to fill
 *     their caches. A namespace that cannot be read delays startup by this much and is then skipped
 * @param reconcileThreads DAGs reconciled at the same time
 * @param runtimeServiceAccount ServiceAccount the operator creates per namespace for runtime pods
 * @param manageRuntimeRbac whether the operator creates that ServiceAccount, its Role and RoleBinding
 * @param cloneImage image whose {@code clone} command the CronJobs of clone templates run: the
 *     operator's own image
 */
public record OperatorConfig(
        Set<String> watchNamespaces,
        String watchLabelSelector,
        String runtimeImage,
        String runtimeImagePullPolicy,
        int httpPort,
        LeaderElectionSettings leaderElection,
        Duration resyncInterval,
        Duration cacheSyncTimeout,
        int reconcileThreads,
        String runtimeServiceAccount,
        boolean manageRuntimeRbac,
        String cloneImage) {

    public OperatorConfig {
        watchNamespaces = Set.copyOf(watchNamespaces);
    }

    /** Returns whether the operator watches every namespace of the cluster. */
    public boolean watchesAllNamespaces() {
        return watchNamespaces.isEmpty();
    }

    /** Returns a copy with other leader election settings. */
    public OperatorConfig withLeaderElection(LeaderElectionSettings settings) {
        return new OperatorConfig(watchNamespaces, watchLabelSelector, runtimeImage, runtimeImagePullPolicy,
                httpPort, settings, resyncInterval, cacheSyncTimeout, reconcileThreads, runtimeServiceAccount,
                manageRuntimeRbac, cloneImage);
    }

    /** Returns a copy that serves metrics and health on another port; 0 picks a free port. */
    public OperatorConfig withHttpPort(int port) {
        return new OperatorConfig(watchNamespaces, watchLabelSelector, runtimeImage, runtimeImagePullPolicy,
                port, leaderElection, resyncInterval, cacheSyncTimeout, reconcileThreads, runtimeServiceAccount,
                manageRuntimeRbac, cloneImage);
    }

    /** Returns a copy with another cache sync timeout. */
    public OperatorConfig withCacheSyncTimeout(Duration timeout) {
        return new OperatorConfig(watchNamespaces, watchLabelSelector, runtimeImage, runtimeImagePullPolicy,
                httpPort, leaderElection, resyncInterval, timeout, reconcileThreads, runtimeServiceAccount,
                manageRuntimeRbac, cloneImage);
    }

    /** Returns a copy that reconciles only DAGs matching a label selector; empty means all. */
    public OperatorConfig withWatchLabelSelector(String selector) {
        return new OperatorConfig(watchNamespaces, selector, runtimeImage, runtimeImagePullPolicy,
                httpPort, leaderElection, resyncInterval, cacheSyncTimeout, reconcileThreads, runtimeServiceAccount,
                manageRuntimeRbac, cloneImage);
    }

    /** Returns a copy that watches only these namespaces; empty means all. */
    public OperatorConfig withWatchNamespaces(Set<String> namespaces) {
        return new OperatorConfig(namespaces, watchLabelSelector, runtimeImage, runtimeImagePullPolicy,
                httpPort, leaderElection, resyncInterval, cacheSyncTimeout, reconcileThreads, runtimeServiceAccount,
                manageRuntimeRbac, cloneImage);
    }
}
