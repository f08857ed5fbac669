package io.dishtayantra.operator.window;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.v1alpha1.DagStatus;
import io.dishtayantra.crd.v1alpha1.TimeWindow;
import io.dishtayantra.crd.v1alpha1.TimeWindowSpec;
import io.dishtayantra.crd.window.RunMode;
import io.dishtayantra.operator.status.DagPhase;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window part of reconciling one DAG, for the DAG reconciler to call: resolves the window,
 * keeps a clone template's CronJob, RBAC and due clones in place, and returns how many runtime pods
 * the DAG should have, what its status shows and when to look again. Thread-safe.
 */
public final class DagWindowStep {

    /** Maximum wait before a DAG with a window is reconciled again. */
    public static final Duration MAX_RECHECK = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(DagWindowStep.class);
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final KubernetesClient client;
    private final Clock clock;
    private final String cloneImage;
    private final CloneCatchUp catchUp;

    /**
     * @param clock the clock that decides where in its window a DAG is
     * @param cloneImage the operator image, whose {@code clone} command the CronJobs run
     */
    public DagWindowStep(KubernetesClient client, Clock clock, String cloneImage) {
        this.client = client;
        this.clock = clock;
        this.cloneImage = cloneImage;
        this.catchUp = new CloneCatchUp(client);
    }

    /**
     * Resolves the DAG's window and, for a clone template, applies its CronJob and RBAC and
     * creates due clones that are missing. For a DAG that stopped being a template, deletes them.
     *
     * @param window the TimeWindow named by {@code spec.timeWindowRef}, if it exists
     */
    public DagWindowView reconcile(Dag dag, Optional<TimeWindow> window) {
        Instant now = clock.instant();
        DagWindowView view = DagWindowResolver.resolve(dag, name -> window.orElse(null), now);
        if (view.template()) {
            TimeWindowSpec spec = window.map(TimeWindow::getSpec).orElse(dag.getSpec().getTimeWindow());
            for (HasMetadata object : CloneCronJobs.all(dag, spec, cloneImage)) {
                client.resource(object).createOr(NonDeletingOperation::update);
            }
            CloneCatchUp.Result result = catchUp.reconcile(dag, view.schedule().orElseThrow(), now);
            if (!result.created().isEmpty() || !result.deleted().isEmpty()) {
                LOG.info("DAG {}/{}: clones created {}, deleted {}", dag.getMetadata().getNamespace(),
                        dag.getMetadata().getName(), result.created(), result.deleted());
            }
        } else if (wasTemplate(dag)) {
            deleteCloneObjects(dag);
        }
        return view;
    }

    /**
     * Returns the manifest the runtime pods run: the DAG with its referenced window embedded as
     * {@code spec.timeWindow}, because the pods read no TimeWindow resources. The runtime then
     * switches between running and suspended on its own clock.
     */
    public static Dag manifestForRuntime(Dag dag, Optional<TimeWindow> window) {
        if (window.isEmpty() || dag.getSpec().getTimeWindowRef() == null) {
            return dag;
        }
        Dag copy = SERIALIZATION.clone(dag);
        copy.getSpec().setTimeWindow(SERIALIZATION.clone(window.get().getSpec()));
        copy.getSpec().setTimeWindowRef(null);
        return copy;
    }

    /** Returns the number of runtime pods: {@code desired} while the DAG runs or is suspended, else zero. */
    public static int replicas(int desired, DagWindowView view) {
        return view.runsPods() ? desired : 0;
    }

    /**
     * Sets the Window column text and the InWindow condition on a status computed by the DAG
     * reconciler. The condition keeps its lastTransitionTime while its status stays the same;
     * conditions stay sorted by type.
     */
    public void applyToStatus(DagStatus status, Dag dag, DagWindowView view) {
        status.setWindow(view.column());
        applyPhase(status, dag, view);
        Condition inWindow = SERIALIZATION.clone(view.inWindow());
        Condition previous = dag.getStatus() == null ? null : dag.getStatus().getConditions().stream()
                .filter(condition -> DagWindowResolver.IN_WINDOW.equals(condition.getType()))
                .findFirst().orElse(null);
        boolean unchanged = previous != null && Objects.equals(previous.getStatus(), inWindow.getStatus())
                && previous.getLastTransitionTime() != null;
        inWindow.setLastTransitionTime(unchanged ? previous.getLastTransitionTime()
                : clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());

        List<Condition> conditions = new ArrayList<>(status.getConditions());
        conditions.removeIf(condition -> DagWindowResolver.IN_WINDOW.equals(condition.getType()));
        conditions.add(inWindow);
        conditions.sort(Comparator.comparing(Condition::getType));
        status.setConditions(conditions);
    }

    /**
     * Explains a phase that the window causes, so that a DAG stopped or paused by its window does
     * not read as waiting for pods. A failed rollout keeps its phase.
     */
    private static void applyPhase(DagStatus status, Dag dag, DagWindowView view) {
        if (DagPhase.Failed.name().equals(status.getPhase()) || view.schedule().isEmpty() && view.runsPods()) {
            return;
        }
        if (view.template()) {
            status.setPhase(DagPhase.Stopped.name());
            status.setMessage("Clone template: it runs no workload itself; each occurrence of its window runs in"
                    + " a dated clone named " + dag.getMetadata().getName() + "-YYYYMMDD.");
        } else if (view.schedule().isEmpty()) {
            status.setPhase(DagPhase.Pending.name());
            status.setMessage(view.inWindow().getMessage());
        } else if (view.mode() == RunMode.STOPPED) {
            status.setPhase(DagPhase.Stopped.name());
            status.setMessage("Stopped outside its time window: " + view.column() + ".");
        } else if (view.mode() == RunMode.SUSPENDED && DagPhase.Running.name().equals(status.getPhase())) {
            status.setPhase(DagPhase.Suspended.name());
            status.setMessage("Intake paused outside its time window: " + view.column() + ".");
        }
    }

    /** Returns how long until the DAG should be reconciled again for its window; empty when never. */
    public Optional<Duration> recheckAfter(DagWindowView view) {
        if (view.nextCheck().isEmpty()) {
            return Optional.empty();
        }
        Duration delay = Duration.between(clock.instant(), view.nextCheck().get()).plusMillis(1);
        if (delay.isNegative()) {
            delay = Duration.ofMillis(1);
        }
        return Optional.of(delay.compareTo(MAX_RECHECK) > 0 ? MAX_RECHECK : delay);
    }

    /** Returns whether the last status showed a template, so its CronJob and RBAC may still exist. */
    private static boolean wasTemplate(Dag dag) {
        return dag.getStatus() != null && dag.getStatus().getWindow() != null
                && dag.getStatus().getWindow().startsWith(DagWindowResolver.TEMPLATE_PREFIX);
    }

    private void deleteCloneObjects(Dag dag) {
        String namespace = dag.getMetadata().getNamespace();
        String name = CloneCronJobs.objectName(dag.getMetadata().getName());
        boolean deleted = !client.resources(CronJob.class).inNamespace(namespace).withName(name).delete().isEmpty();
        client.resources(RoleBinding.class).inNamespace(namespace).withName(name).delete();
        client.resources(Role.class).inNamespace(namespace).withName(name).delete();
        client.resources(ServiceAccount.class).inNamespace(namespace).withName(name).delete();
        if (deleted) {
            LOG.info("DAG {}/{} is no longer a clone template; deleted CronJob {}", namespace,
                    dag.getMetadata().getName(), name);
        }
    }
}
