package io.dishtayantra.operator.window;

import io.dishtayantra.crd.v1alpha1.Dag;
import io.dishtayantra.crd.v1alpha1.TimeWindowSpec;
import io.dishtayantra.crd.window.ClonePlan;
import io.dishtayantra.crd.window.CronSchedule;
import io.dishtayantra.crd.window.WindowSchedule;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Desired state of the objects that create a template's dated clones: a CronJob that runs the
 * operator image's {@code clone} command, and a ServiceAccount bound to a Role that may only list
 * and create DAGs in the template's namespace. All four are owned by the template. Pure functions;
 * thread-safe.
 */
public final class CloneCronJobs {

    /** A CronJob that could not start within this many seconds of its time skips that run. */
    public static final long STARTING_DEADLINE_SECONDS = 300;

    /** Finished Jobs kept of each outcome, for {@code kubectl logs}. */
    public static final int HISTORY_LIMIT = 3;

    /** Kubernetes appends 11 characters to a CronJob's name for its Jobs, which must stay within 63. */
    static final int MAX_CRONJOB_NAME = 52;

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final String SUFFIX = "-clone";

    private CloneCronJobs() {
    }

    /**
     * Builds the name of the CronJob, ServiceAccount, Role and RoleBinding of a template:
     * {@code <template>-clone}, shortened with a hash when it would be too long for a CronJob.
     */
    public static String objectName(String template) {
        String name = template + SUFFIX;
        if (name.length() <= MAX_CRONJOB_NAME) {
            return name;
        }
        String hash = sha256Hex(template).substring(0, 8);
        return template.substring(0, MAX_CRONJOB_NAME - SUFFIX.length() - hash.length() - 1) + "-" + hash + SUFFIX;
    }

    /**
     * Builds the CronJob of a template.
     *
     * @param template the template DAG as read from the API server
     * @param window the window that governs the template, already resolved from its reference
     * @param image the operator image, which has the {@code clone} command
     */
    public static CronJob cronJob(Dag template, TimeWindowSpec window, String image) {
        CronSchedule schedule = new ClonePlan(WindowSchedule.of(window)).cronSchedule();
        String name = objectName(template.getMetadata().getName());
        return new CronJobBuilder()
                .withMetadata(metadata(template, name))
                .withNewSpec()
                    .withSchedule(schedule.expression())
                    .withTimeZone(schedule.timeZone())
                    .withConcurrencyPolicy("Forbid")
                    .withStartingDeadlineSeconds(STARTING_DEADLINE_SECONDS)
                    .withSuccessfulJobsHistoryLimit(HISTORY_LIMIT)
                    .withFailedJobsHistoryLimit(HISTORY_LIMIT)
                    .withNewJobTemplate()
                        .withNewSpec()
                            .withBackoffLimit(2)
                            .withActiveDeadlineSeconds(STARTING_DEADLINE_SECONDS)
                            .withNewTemplate()
                                .withNewMetadata()
                                    .withLabels(Map.of(CloneLabels.CLONE_OF, template.getMetadata().getName()))
                                .endMetadata()
                                .withNewSpec()
                                    .withServiceAccountName(name)
                                    .withRestartPolicy("Never")
                                    .withNewSecurityContext()
                                        .withRunAsNonRoot(true)
                                        .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
                                    .endSecurityContext()
                                    .addNewContainer()
                                        .withName("clone")
                                        .withImage(image)
                                        .withArgs("clone", "--namespace", template.getMetadata().getNamespace(),
                                                "--template", template.getMetadata().getName())
                                        .addNewEnv()
                                            .withName(CloneCommand.WINDOW_ENV)
                                            .withValue(SERIALIZATION.asJson(window))
                                        .endEnv()
                                        // The root filesystem is read-only; the JVM gets a writable /tmp.
                                        .addNewVolumeMount().withName("tmp").withMountPath("/tmp").endVolumeMount()
                                        .withNewSecurityContext()
                                            .withAllowPrivilegeEscalation(false)
                                            .withReadOnlyRootFilesystem(true)
                                            .withNewCapabilities().withDrop("ALL").endCapabilities()
                                        .endSecurityContext()
                                        .withNewResources()
                                            .addToRequests("cpu", new Quantity("50m"))
                                            .addToRequests("memory", new Quantity("128Mi"))
                                            .addToLimits("memory", new Quantity("256Mi"))
                                        .endResources()
                                    .endContainer()
                                    .addNewVolume().withName("tmp").withNewEmptyDir().endEmptyDir().endVolume()
                                .endSpec()
                            .endTemplate()
                        .endSpec()
                    .endJobTemplate()
                .endSpec()
                .build();
    }

    /** Builds the ServiceAccount the CronJob's pods run as. */
    public static ServiceAccount serviceAccount(Dag template) {
        return new ServiceAccountBuilder()
                .withMetadata(metadata(template, objectName(template.getMetadata().getName())))
                .build();
    }

    /** Builds the Role that allows listing and creating DAGs in the template's namespace, nothing else. */
    public static Role role(Dag template) {
        return new RoleBuilder()
                .withMetadata(metadata(template, objectName(template.getMetadata().getName())))
                .withRules(new PolicyRuleBuilder()
                        .withApiGroups(Dag.GROUP)
                        .withResources("dags")
                        .withVerbs("list", "create")
                        .build())
                .build();
    }

    /** Builds the RoleBinding of {@link #role} to {@link #serviceAccount}. */
    public static RoleBinding roleBinding(Dag template) {
        String name = objectName(template.getMetadata().getName());
        return new RoleBindingBuilder()
                .withMetadata(metadata(template, name))
                .withNewRoleRef("rbac.authorization.k8s.io", "Role", name)
                .addNewSubject()
                    .withKind("ServiceAccount")
                    .withName(name)
                    .withNamespace(template.getMetadata().getNamespace())
                .endSubject()
                .build();
    }

    /** Builds all four objects, in the order they are applied. */
    public static List<HasMetadata> all(Dag template, TimeWindowSpec window, String image) {
        return List.of(serviceAccount(template), role(template), roleBinding(template),
                cronJob(template, window, image));
    }

    private static ObjectMeta metadata(Dag template, String name) {
        return new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(template.getMetadata().getNamespace())
                .withLabels(Map.of(CloneLabels.CLONE_OF, template.getMetadata().getName()))
                .withOwnerReferences(CloneFactory.ownerReference(template))
                .build();
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
