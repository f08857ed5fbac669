package io.dishtayantra.operator.reconciler;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.v1alpha1.DagStatus;
import io.dishtayantra.crd.v1alpha1.TimeWindow;
import io.dishtayantra.crd.validation.ValidationProblem;
import io.dishtayantra.crd.validation.ValidationReport;
import io.dishtayantra.operator.config.OperatorConfig;
import io.dishtayantra.operator.event.EventReason;
import io.dishtayantra.operator.event.EventRecorder;
import io.dishtayantra.operator.leader.LeaderTracker;
import io.dishtayantra.operator.metrics.OperatorMetrics;
import io.dishtayantra.operator.model.Labels;
import io.dishtayantra.operator.model.ManifestConfigMapModel;
import io.dishtayantra.operator.model.NormalizedSpec;
import io.dishtayantra.operator.model.RuntimeDeploymentModel;
import io.dishtayantra.operator.model.RuntimeServiceModel;
import io.dishtayantra.operator.reconciler.ResourceApplier.Action;
import io.dishtayantra.operator.reconciler.ResourceApplier.Applied;
import io.dishtayantra.operator.status.ActivePods;
import io.dishtayantra.operator.status.DagPhase;
import io.dishtayantra.operator.status.DagStatusFactory;
import io.dishtayantra.operator.status.StatusWriter;
import io.dishtayantra.operator.window.DagWindowStep;
import io.dishtayantra.operator.window.DagWindowView;
import io.dishtayantra.operator.window.WindowEventSources;
import io.dishtayantra.runtime.ha.LeaseNames;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Turns each DAG into a ConfigMap with its normalised manifest, a Deployment of runtime pods and
 * a Service, all owned by the DAG, and reports what it observed in the DAG's status.
 *
 * <p>One reconciliation, in order: refuse when this replica is not the leader; validate (an
 * invalid spec stops here and touches nothing); make sure the namespace has the runtime's
 * ServiceAccount; apply ConfigMap, Deployment and Service; compute the status from the
 * Deployment; record Events for transitions; write the status if it changed.
 */
public final class DagReconciler implements Reconciler<Dag>, Cleaner<Dag> {

    private static final Logger LOG = LoggerFactory.getLogger(DagReconciler.class);

    private final OperatorConfig config;
    private final SpecValidation validation;
    private final SpecNormalization normalization;
    private final ResourceApplier applier;
    private final NamespaceRbacReconciler rbac;
    private final DagStatusFactory statuses;
    private final StatusWriter statusWriter;
    private final EventRecorder events;
    private final OperatorMetrics metrics;
    private final LeaderTracker leader;
    private final DagWindowStep windows;

    public DagReconciler(OperatorConfig config, SpecValidation validation, SpecNormalization normalization,
            ResourceApplier applier, NamespaceRbacReconciler rbac, DagStatusFactory statuses,
            StatusWriter statusWriter, EventRecorder events, OperatorMetrics metrics, LeaderTracker leader,
            DagWindowStep windows) {
        this.config = config;
        this.validation = validation;
        this.normalization = normalization;
        this.applier = applier;
        this.rbac = rbac;
        this.statuses = statuses;
        this.statusWriter = statusWriter;
        this.events = events;
        this.metrics = metrics;
        this.leader = leader;
        this.windows = windows;
    }

    /** Informers on the owned objects, restricted to the operator's label so that they stay small. */
    @Override
    public List<EventSource<?, Dag>> prepareEventSources(EventSourceContext<Dag> context) {
        return List.of(
                new InformerEventSource<>(ownedInformer(ConfigMap.class), context),
                new InformerEventSource<>(ownedInformer(Deployment.class), context),
                new InformerEventSource<>(ownedInformer(Service.class), context),
                WindowEventSources.timeWindowsForDags(context),
                new InformerEventSource<>(leaseInformer(), context));
    }

    /**
     * Informer on the runtime's Leases, found by their DAG label (the runtime creates them, so
     * they have no owner). Renewals are ignored: a change of holder, or a release (fabric8 shortens
     * the duration), triggers a reconciliation.
     */
    private static InformerEventSourceConfiguration<Lease> leaseInformer() {
        return InformerEventSourceConfiguration.from(Lease.class, Dag.class)
                .withLabelSelector(LeaseNames.DAG_LABEL)
                .withSecondaryToPrimaryMapper(lease -> Set.of(new ResourceID(
                        lease.getMetadata().getLabels().get(LeaseNames.DAG_LABEL), lease.getMetadata().getNamespace())))
                .withOnUpdateFilter((newer, older) -> !Objects.equals(holder(newer), holder(older))
                        || !Objects.equals(newer.getSpec().getLeaseDurationSeconds(), older.getSpec().getLeaseDurationSeconds()))
                .build();
    }

    private static String holder(Lease lease) {
        return lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
    }

    private static <R extends HasMetadata> InformerEventSourceConfiguration<R> ownedInformer(Class<R> type) {
        return InformerEventSourceConfiguration.from(type, Dag.class)
                .withLabelSelector(Labels.MANAGED_SELECTOR)
                .withSecondaryToPrimaryMapper(Mappers.fromOwnerReferences(Dag.class))
                .build();
    }

    @Override
    public UpdateControl<Dag> reconcile(Dag dag, Context<Dag> context) {
        String key = key(dag);
        if (!leader.mayReconcile()) {
            metrics.reconcileSkipped();
            LOG.warn("Not reconciling DAG {}: this replica does not hold the leader Lease", key);
            return UpdateControl.noUpdate();
        }
        metrics.reconcileStarted();
        long start = System.nanoTime();
        MDC.put("dag", key);
        try {
            Optional<Duration> recheck = reconcileSteps(dag, context);
            metrics.reconcileSucceeded(Duration.ofNanos(System.nanoTime() - start));
            // A DAG with a window is looked at again at its next window boundary.
            return recheck.map(delay -> UpdateControl.<Dag>noUpdate().rescheduleAfter(delay))
                    .orElseGet(UpdateControl::noUpdate);
        } catch (RuntimeException e) {
            metrics.reconcileFailed(Duration.ofNanos(System.nanoTime() - start));
            throw e;
        } finally {
            MDC.remove("dag");
        }
    }

    private Optional<Duration> reconcileSteps(Dag dag, Context<Dag> context) {
        ConfigMap configMap = context.getSecondaryResource(ConfigMap.class).orElse(null);
        Deployment deployment = context.getSecondaryResource(Deployment.class).orElse(null);
        Service service = context.getSecondaryResource(Service.class).orElse(null);

        // An invalid spec is reported and nothing is rolled out: the pods keep the last valid spec.
        ValidationReport report = validate(dag);
        if (!report.valid()) {
            LOG.info("DAG {} is invalid ({} problems); workload left unchanged", key(dag), report.problems().size());
            events.record(dag, EventReason.InvalidSpec, statusMessage(report));
            writeStatus(dag, statuses.invalid(dag, report, deployment, configMap), context);
            return Optional.empty();
        }

        // The window decides the pod count; a referenced TimeWindow is embedded in the runtime's
        // manifest because the pods read no TimeWindow resources.
        Optional<TimeWindow> timeWindow = context.getSecondaryResource(TimeWindow.class);
        DagWindowView window = windows.reconcile(dag, timeWindow);
        NormalizedSpec spec = normalization.normalize(DagWindowStep.manifestForRuntime(dag, timeWindow));
        String serviceAccount = RuntimeDeploymentModel.serviceAccount(dag.getSpec().getRuntime(), config);
        if (config.manageRuntimeRbac() && serviceAccount.equals(config.runtimeServiceAccount())) {
            rbac.reconcile(dag.getMetadata().getNamespace());
        }

        Applied<ConfigMap> appliedConfigMap;
        Applied<Deployment> appliedDeployment;
        try {
            appliedConfigMap = applier.apply(ManifestConfigMapModel.desired(dag, spec), configMap);
            Deployment desired = RuntimeDeploymentModel.desired(dag, spec, config);
            desired.getSpec().setReplicas(DagWindowStep.replicas(desired.getSpec().getReplicas(), window));
            appliedDeployment = applier.apply(desired, deployment);
            applier.apply(RuntimeServiceModel.desired(dag), service);
        } catch (OwnershipConflictException e) {
            LOG.warn("DAG {} cannot be deployed: {}", key(dag), e.getMessage());
            events.record(dag, EventReason.Failed, e.getMessage());
            writeStatus(dag, statuses.failed(dag, "OwnershipConflict", e.getMessage(), deployment, configMap), context);
            return Optional.empty();
        }
        recordRollout(dag, spec, appliedDeployment, deployment);

        DagStatus status = statuses.applied(dag, spec.specHash(), appliedDeployment.resource(),
                appliedConfigMap.resource());
        windows.applyToStatus(status, dag, window);
        recordTransition(dag, status);
        writeStatus(dag, status, context);
        return windows.recheckAfter(window);
    }

    private void recordRollout(Dag dag, NormalizedSpec spec, Applied<Deployment> applied, Deployment before) {
        if (applied.action() == Action.CREATED) {
            boolean firstTime = dag.getStatus() == null || dag.getStatus().getSpecHash() == null;
            EventReason reason = firstTime ? EventReason.Deployed : EventReason.Recreated;
            LOG.info("{} the runtime Deployment of DAG {} with spec hash {}", firstTime ? "Created" : "Recreated",
                    key(dag), spec.specHash());
            events.record(dag, reason, "Deployment " + dag.getMetadata().getName() + " created with spec hash "
                    + spec.specHash() + ".");
            return;
        }
        String previousHash = specHashOf(before);
        if (applied.action() == Action.UPDATED && !spec.specHash().equals(previousHash)) {
            LOG.info("Rolling out DAG {}: spec hash {} -> {}", key(dag), previousHash, spec.specHash());
            events.record(dag, EventReason.SpecChanged, "Rolling out spec hash " + spec.specHash()
                    + " (was " + previousHash + ").");
        }
    }

    /** Returns the spec hash on a Deployment's pod template, or null when there is none. */
    private static String specHashOf(Deployment deployment) {
        if (deployment == null || deployment.getSpec() == null || deployment.getSpec().getTemplate() == null
                || deployment.getSpec().getTemplate().getMetadata() == null
                || deployment.getSpec().getTemplate().getMetadata().getAnnotations() == null) {
            return null;
        }
        return deployment.getSpec().getTemplate().getMetadata().getAnnotations().get(Labels.SPEC_HASH_ANNOTATION);
    }

    private void recordTransition(Dag dag, DagStatus status) {
        String before = dag.getStatus() == null ? null : dag.getStatus().getPhase();
        if (Objects.equals(before, status.getPhase())) {
            return;
        }
        LOG.info("DAG {} phase {} -> {}", key(dag), before, status.getPhase());
        switch (DagPhase.valueOf(status.getPhase())) {
            case Running -> events.record(dag, DagPhase.Suspended.name().equals(before)
                    ? EventReason.Resumed : EventReason.Running, status.getMessage());
            case Suspended -> events.record(dag, EventReason.Suspended, status.getMessage());
            case Stopped -> events.record(dag, EventReason.Stopped, status.getMessage());
            case Failed -> events.record(dag, EventReason.Failed, status.getMessage());
            default -> {
                // Pending and Invalid are recorded where they arise.
            }
        }
    }

    /** Lists the holders of the DAG's Leases as its active pods, then writes the status if it changed. */
    private void writeStatus(Dag dag, DagStatus status, Context<Dag> context) {
        status.setActivePods(ActivePods.of(context.getSecondaryResources(Lease.class), Instant.now()));
        if (statusWriter.write(dag, status)) {
            metrics.statusWritten();
        }
        metrics.phase(key(dag), DagPhase.valueOf(status.getPhase()));
    }

    /**
     * Marks the DAG Failed once JOSDK has given up retrying. Earlier attempts leave the status as
     * it is, so that a brief API error does not flap the phase.
     */
    @Override
    public ErrorStatusUpdateControl<Dag> updateErrorStatus(Dag dag, Context<Dag> context, Exception e) {
        LOG.warn("Reconciliation of DAG {} failed: {}", key(dag), e.toString());
        boolean lastAttempt = context.getRetryInfo().map(retry -> retry.isLastAttempt()).orElse(true);
        if (lastAttempt && leader.mayReconcile()) {
            String message = "Reconciliation failed: " + e.getMessage();
            events.record(dag, EventReason.Failed, message);
            try {
                writeStatus(dag, statuses.failed(dag, "ReconcileError", message,
                        context.getSecondaryResource(Deployment.class).orElse(null),
                        context.getSecondaryResource(ConfigMap.class).orElse(null)), context);
            } catch (RuntimeException writeFailure) {
                LOG.warn("Cannot write the Failed status of DAG {}: {}", key(dag), writeFailure.toString());
            }
        }
        return ErrorStatusUpdateControl.noStatusUpdate();
    }

    /**
     * Forgets the DAG's metrics and Event state. Owned objects are deleted through their owner
     * references, so cleanup makes no API call, does not read the status and cannot wait on a
     * workload. It keeps the finalizer only on a replica that lost its Lease.
     */
    @Override
    public DeleteControl cleanup(Dag dag, Context<Dag> context) {
        if (!leader.mayReconcile()) {
            return DeleteControl.noFinalizerRemoval();
        }
        metrics.forget(key(dag));
        if (dag.getMetadata().getUid() != null) {
            events.forget(dag.getMetadata().getUid());
        }
        LOG.info("DAG {} deleted; its ConfigMap, Deployment and Service go with it", key(dag));
        return DeleteControl.defaultDelete();
    }

    private ValidationReport validate(Dag dag) {
        List<ValidationProblem> problems = new ArrayList<>(ResourceNameCheck.check(dag));
        ValidationReport report = validation.validate(dag);
        problems.addAll(report.problems());
        return new ValidationReport(report.dagName(), problems);
    }

    private static String statusMessage(ValidationReport report) {
        return "Spec not rolled out: " + report.problems().stream().map(Object::toString)
                .reduce((a, b) -> a + "; " + b).orElse("");
    }

    private static String key(Dag dag) {
        return dag.getMetadata().getNamespace() + "/" + dag.getMetadata().getName();
    }
}
