package io.dishtayantra.operator.status;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.v1alpha1.DagSpec;
import io.dishtayantra.crd.v1alpha1.DagStatus;
import io.dishtayantra.crd.validation.ValidationProblem;
import io.dishtayantra.crd.validation.ValidationReport;
import io.dishtayantra.operator.model.Labels;
import io.dishtayantra.operator.model.RuntimeContract;
import io.dishtayantra.operator.model.RuntimeSettings;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Computes a DAG's status from what the operator observed: the validation report, the
 * Deployment and the delivered ConfigMap. Pure apart from the clock, which only supplies
 * transition times of conditions that change.
 */
public final class DagStatusFactory {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final Clock clock;

    public DagStatusFactory(Clock clock) {
        this.clock = clock;
    }

    /**
     * Status of a DAG whose spec is invalid. The workload was not touched, so Ready and
     * Suspended describe what still runs.
     */
    public DagStatus invalid(Dag dag, ValidationReport report, Deployment deployment, ConfigMap configMap) {
        String problems = report.problems().stream().map(ValidationProblem::toString).collect(Collectors.joining("; "));
        int count = report.problems().size();
        DagStatus status = base(dag, deployment);
        status.setPhase(DagPhase.Invalid.name());
        status.setMessage(count + (count == 1 ? " validation problem" : " validation problems")
                + "; see the Valid condition. The running pods keep the last valid spec.");
        Conditions conditions = conditions(dag);
        conditions.set(ConditionTypes.VALID, false, "SpecInvalid", problems);
        setReady(conditions, dag, deployment, "SpecInvalid",
                "The spec is invalid, so it was not rolled out.");
        setSuspended(conditions, configMap);
        status.setConditions(conditions.build());
        return status;
    }

    /** Status of a DAG whose workload cannot be applied, such as objects owned by someone else. */
    public DagStatus failed(Dag dag, String reason, String message, Deployment deployment, ConfigMap configMap) {
        DagStatus status = base(dag, deployment);
        status.setPhase(DagPhase.Failed.name());
        status.setMessage(message);
        Conditions conditions = conditions(dag);
        conditions.set(ConditionTypes.VALID, true, "SpecValid", "The spec passed validation.");
        conditions.set(ConditionTypes.READY, false, reason, message);
        setSuspended(conditions, configMap);
        status.setConditions(conditions.build());
        return status;
    }

    /** Status of a valid DAG whose workload was applied, from the observed Deployment. */
    public DagStatus applied(Dag dag, String specHash, Deployment deployment, ConfigMap configMap) {
        DagStatus status = base(dag, deployment);
        status.setSpecHash(specHash);
        Conditions conditions = conditions(dag);
        conditions.set(ConditionTypes.VALID, true, "SpecValid", "The spec passed validation.");
        boolean ready = setReady(conditions, dag, deployment, null, null);
        setSuspended(conditions, configMap);
        status.setConditions(conditions.build());

        int podsReady = readyPods(deployment);
        int parallelism = RuntimeSettings.parallelism(dag);
        String failure = rolloutFailure(deployment);
        if (failure != null) {
            status.setPhase(DagPhase.Failed.name());
            status.setMessage(failure);
        } else if (parallelism == 0) {
            status.setPhase(DagPhase.Stopped.name());
            status.setMessage("Scaled to zero: no runtime pods are desired.");
        } else if (dag.getSpec().suspended()) {
            status.setPhase(DagPhase.Suspended.name());
            status.setMessage("Intake is paused because spec.suspend is true.");
        } else if (podsReady >= parallelism) {
            status.setPhase(DagPhase.Running.name());
            status.setMessage(ready ? "All pods are ready." : "Running; the rollout of the current spec is in progress.");
        } else {
            status.setPhase(DagPhase.Pending.name());
            status.setMessage("Waiting for runtime pods to become ready (" + status.getReady() + ").");
        }
        return status;
    }

    /** Copies the current status and recomputes the fields this operator owns. */
    private DagStatus base(Dag dag, Deployment deployment) {
        DagStatus status = dag.getStatus() == null ? new DagStatus() : SERIALIZATION.clone(dag.getStatus());
        status.setObservedGeneration(generation(dag));
        status.setReady(readyPods(deployment) + "/" + RuntimeSettings.podCount(dag));
        status.setParallelism(Math.min(RuntimeSettings.parallelism(dag), readyPods(deployment)));
        status.setSelector(Labels.selectorString(dag.getMetadata().getName()));
        if (status.getWindow() == null || !hasWindow(dag.getSpec())) {
            status.setWindow(windowOf(dag.getSpec()));
        }
        return status;
    }

    private Conditions conditions(Dag dag) {
        List<io.fabric8.kubernetes.api.model.Condition> previous =
                dag.getStatus() == null ? null : dag.getStatus().getConditions();
        return new Conditions(previous, generation(dag), clock.instant());
    }

    /** Sets Ready and returns its status; a non-null {@code blockedReason} forces it false. */
    private static boolean setReady(Conditions conditions, Dag dag, Deployment deployment,
            String blockedReason, String blockedMessage) {
        int desired = RuntimeSettings.podCount(dag);
        int ready = readyPods(deployment);
        String counts = ready + "/" + desired + " pods ready.";
        if (blockedReason != null) {
            conditions.set(ConditionTypes.READY, false, blockedReason, blockedMessage + " " + counts);
            return false;
        }
        if (deployment == null) {
            conditions.set(ConditionTypes.READY, false, "DeploymentMissing", "The Deployment does not exist yet.");
            return false;
        }
        if (desired == 0) {
            conditions.set(ConditionTypes.READY, false, "ScaledToZero", "No runtime pods are desired.");
            return false;
        }
        String failure = rolloutFailure(deployment);
        if (failure != null) {
            conditions.set(ConditionTypes.READY, false, "RolloutFailed", failure);
            return false;
        }
        if (!rolledOut(deployment, desired)) {
            conditions.set(ConditionTypes.READY, false, "RollingOut",
                    "Pods of the current spec are being rolled out. " + counts);
            return false;
        }
        if (ready < desired) {
            conditions.set(ConditionTypes.READY, false, "PodsNotReady", counts);
            return false;
        }
        conditions.set(ConditionTypes.READY, true, "PodsReady", counts);
        return true;
    }

    private static void setSuspended(Conditions conditions, ConfigMap configMap) {
        if (configMap == null || configMap.getData() == null) {
            conditions.set(ConditionTypes.SUSPENDED, false, "NotDeployed", "No manifest has been delivered yet.");
            return;
        }
        boolean suspended = "true".equals(configMap.getData().get(RuntimeContract.SUSPEND_KEY));
        if (suspended) {
            conditions.set(ConditionTypes.SUSPENDED, true, "SuspendRequested",
                    "The runtime was told to pause intake; data waits in the sources.");
        } else {
            conditions.set(ConditionTypes.SUSPENDED, false, "Active", "Intake is not paused.");
        }
    }

    private static int readyPods(Deployment deployment) {
        if (deployment == null || deployment.getStatus() == null || deployment.getStatus().getReadyReplicas() == null) {
            return 0;
        }
        return deployment.getStatus().getReadyReplicas();
    }

    private static boolean rolledOut(Deployment deployment, int desired) {
        DeploymentStatus status = deployment.getStatus();
        if (status == null) {
            return false;
        }
        Long generation = deployment.getMetadata().getGeneration();
        Long observed = status.getObservedGeneration();
        boolean observedCurrent = generation == null || (observed != null && observed >= generation);
        int updated = status.getUpdatedReplicas() == null ? 0 : status.getUpdatedReplicas();
        return observedCurrent && updated >= desired;
    }

    /** Returns the message of a failed rollout, or null. */
    private static String rolloutFailure(Deployment deployment) {
        if (deployment == null || deployment.getStatus() == null || deployment.getStatus().getConditions() == null) {
            return null;
        }
        for (DeploymentCondition condition : deployment.getStatus().getConditions()) {
            boolean deadline = "Progressing".equals(condition.getType()) && "False".equals(condition.getStatus());
            boolean replicaFailure = "ReplicaFailure".equals(condition.getType()) && "True".equals(condition.getStatus());
            if (deadline || replicaFailure) {
                return "Deployment " + condition.getType() + ": " + condition.getReason() + ": " + condition.getMessage();
            }
        }
        return null;
    }

    private static boolean hasWindow(DagSpec spec) {
        return spec != null && (spec.getTimeWindowRef() != null || spec.getTimeWindow() != null);
    }

    /**
     * Returns the window column until a TimeWindow controller reports the window's state:
     * "Always", or the window's definition.
     */
    private static String windowOf(DagSpec spec) {
        if (spec == null) {
            return "Always";
        }
        if (spec.getTimeWindowRef() != null) {
            return "timewindow/" + spec.getTimeWindowRef();
        }
        if (spec.getTimeWindow() != null) {
            var window = spec.getTimeWindow();
            String end = window.getEnd() != null ? window.getEnd() : "+" + window.getDuration();
            return window.getStart() + "-" + end + " " + window.getTimeZone();
        }
        return "Always";
    }

    private static long generation(Dag dag) {
        Long generation = dag.getMetadata().getGeneration();
        return generation == null ? 0L : generation;
    }
}
