package io.dishtayantra.operator.model;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.v1alpha1.RuntimeSpec;
import io.dishtayantra.operator.config.OperatorConfig;
import io.dishtayantra.runtime.ha.ClusterSettings;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Deployment that runs a DAG: the runtime image on the mounted normalised manifest, with
 * probes, Prometheus scrape annotations and a non-root, read-only root file system.
 */
public final class RuntimeDeploymentModel {

    /** Resources of the runtime container when {@code spec.runtime.resources} is empty. */
    static final ResourceRequirements DEFAULT_RESOURCES = new ResourceRequirementsBuilder()
            .addToRequests("cpu", new Quantity("250m"))
            .addToRequests("memory", new Quantity("512Mi"))
            .addToLimits("memory", new Quantity("512Mi"))
            .build();

    private RuntimeDeploymentModel() {
    }

    /**
     * Builds the desired Deployment, named like the DAG. Pure: reads its arguments only, so equal
     * arguments give equal Deployments and an unchanged DAG rolls nothing.
     */
    public static Deployment desired(Dag dag, NormalizedSpec spec, OperatorConfig config) {
        String name = dag.getMetadata().getName();
        RuntimeSpec runtime = dag.getSpec().getRuntime() == null ? new RuntimeSpec() : dag.getSpec().getRuntime();

        Map<String, String> podAnnotations = new LinkedHashMap<>();
        podAnnotations.put("prometheus.io/scrape", "true");
        podAnnotations.put("prometheus.io/port", Integer.toString(RuntimeContract.HTTP_PORT));
        podAnnotations.put("prometheus.io/path", RuntimeContract.METRICS_PATH);
        podAnnotations.put(Labels.SPEC_HASH_ANNOTATION, spec.specHash());

        return new DeploymentBuilder()
                .withNewMetadata()
                    .withName(name)
                    .withNamespace(dag.getMetadata().getNamespace())
                    .withLabels(Labels.forDag(name))
                    .withOwnerReferences(OwnerReferences.controlledBy(dag))
                .endMetadata()
                .withNewSpec()
                    .withReplicas(RuntimeSettings.podCount(dag))
                    .withRevisionHistoryLimit(3)
                    .withNewSelector().withMatchLabels(Labels.selectorFor(name)).endSelector()
                    .withNewStrategy()
                        .withType("RollingUpdate")
                        .withNewRollingUpdate()
                            .withMaxSurge(new IntOrString(1))
                            .withMaxUnavailable(new IntOrString(0))
                        .endRollingUpdate()
                    .endStrategy()
                    .withNewTemplate()
                        .withNewMetadata()
                            .withLabels(Labels.forDag(name))
                            .withAnnotations(podAnnotations)
                        .endMetadata()
                        .withNewSpec()
                            .withServiceAccountName(serviceAccount(runtime, config))
                            .withAutomountServiceAccountToken(true)
                            .withNodeSelector(new LinkedHashMap<>(runtime.getNodeSelector()))
                            .withTolerations(new ArrayList<Toleration>(runtime.getTolerations()))
                            .withSecurityContext(new PodSecurityContextBuilder()
                                    .withRunAsNonRoot(true)
                                    .withRunAsUser(RuntimeContract.RUNTIME_USER)
                                    .withRunAsGroup(RuntimeContract.RUNTIME_USER)
                                    .withFsGroup(RuntimeContract.RUNTIME_USER)
                                    .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                                    .build())
                            .withContainers(container(dag, runtime, config))
                            .withVolumes(volumes(name))
                            .withTerminationGracePeriodSeconds(30L)
                        .endSpec()
                    .endTemplate()
                .endSpec()
                .build();
    }

    /** Returns the runtime ServiceAccount a DAG's pods use: its own, or the operator-managed one. */
    public static String serviceAccount(RuntimeSpec runtime, OperatorConfig config) {
        String own = runtime == null ? null : runtime.getServiceAccount();
        return own == null || own.isBlank() ? config.runtimeServiceAccount() : own;
    }

    private static Container container(Dag dag, RuntimeSpec runtime, OperatorConfig config) {
        String image = runtime.getImage() == null || runtime.getImage().isBlank()
                ? config.runtimeImage() : runtime.getImage();
        ResourceRequirements resources = runtime.getResources() == null ? DEFAULT_RESOURCES : runtime.getResources();
        return new ContainerBuilder()
                .withName("runtime")
                .withImage(image)
                .withImagePullPolicy(config.runtimeImagePullPolicy())
                .withArgs(RuntimeContract.RUN_ARGUMENTS)
                .addNewPort().withName("http").withContainerPort(RuntimeContract.HTTP_PORT).withProtocol("TCP").endPort()
                .withEnv(environment(dag, runtime))
                .withResources(resources)
                .withLivenessProbe(probe(RuntimeContract.LIVENESS_PATH, 30, 3))
                .withReadinessProbe(probe(RuntimeContract.READINESS_PATH, 5, 3))
                .withStartupProbe(probe(RuntimeContract.LIVENESS_PATH, 0, 30))
                .withVolumeMounts(volumeMounts())
                .withSecurityContext(new SecurityContextBuilder()
                        .withAllowPrivilegeEscalation(false)
                        .withReadOnlyRootFilesystem(true)
                        .withRunAsNonRoot(true)
                        .withNewCapabilities().withDrop("ALL").endCapabilities()
                        .build())
                .build();
    }

    /** Variables the operator sets first, then the DAG's own, which may override them. */
    private static List<EnvVar> environment(Dag dag, RuntimeSpec runtime) {
        List<EnvVar> environment = new ArrayList<>();
        environment.add(new EnvVarBuilder().withName("DISHTAYANTRA_DAG").withValue(dag.getMetadata().getName()).build());
        environment.add(new EnvVarBuilder().withName(ClusterSettings.MODE_VARIABLE).withValue(ClusterSettings.CLUSTER_MODE)
                .build());
        environment.add(new EnvVarBuilder().withName("DISHTAYANTRA_DATA_DIR").withValue(RuntimeContract.DATA_DIR).build());
        environment.add(new EnvVarBuilder().withName("DISHTAYANTRA_SUSPEND_FILE")
                .withValue(RuntimeContract.CONFIG_DIR + "/" + RuntimeContract.SUSPEND_KEY).build());
        environment.add(new EnvVarBuilder().withName("POD_NAME")
                .withNewValueFrom().withNewFieldRef().withFieldPath("metadata.name").endFieldRef().endValueFrom().build());
        environment.add(new EnvVarBuilder().withName("POD_NAMESPACE")
                .withNewValueFrom().withNewFieldRef().withFieldPath("metadata.namespace").endFieldRef().endValueFrom()
                .build());
        environment.add(new EnvVarBuilder().withName("JAVA_TOOL_OPTIONS")
                .withValue("-XX:MaxRAMPercentage=75 -Djava.io.tmpdir=/tmp").build());
        environment.addAll(runtime.getEnv());
        return environment;
    }

    /**
     * Builds an HTTP probe on the runtime port.
     *
     * @param initialDelaySeconds seconds before the first probe
     * @param failureThreshold failed probes in a row before the kubelet acts
     */
    private static Probe probe(String path, int initialDelaySeconds, int failureThreshold) {
        return new ProbeBuilder()
                .withNewHttpGet().withPath(path).withPort(new IntOrString("http")).endHttpGet()
                .withInitialDelaySeconds(initialDelaySeconds)
                .withPeriodSeconds(10)
                .withTimeoutSeconds(2)
                .withFailureThreshold(failureThreshold)
                .build();
    }

    private static List<VolumeMount> volumeMounts() {
        return List.of(
                new VolumeMountBuilder().withName("manifest").withMountPath(RuntimeContract.CONFIG_DIR)
                        .withReadOnly(true).build(),
                new VolumeMountBuilder().withName("tmp").withMountPath("/tmp").build(),
                new VolumeMountBuilder().withName("data").withMountPath(RuntimeContract.DATA_DIR).build());
    }

    private static List<Volume> volumes(String dagName) {
        return List.of(
                new VolumeBuilder().withName("manifest").withNewConfigMap().withName(dagName).endConfigMap().build(),
                new VolumeBuilder().withName("tmp").withNewEmptyDir().endEmptyDir().build(),
                new VolumeBuilder().withName("data").withNewEmptyDir().endEmptyDir().build());
    }
}
