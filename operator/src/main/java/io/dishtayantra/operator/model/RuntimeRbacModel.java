package io.dishtayantra.operator.model;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;

/**
 * The runtime's identity in one namespace: a ServiceAccount, a Role that lets it hold Leases for
 * failover between active and standby pods, and the RoleBinding between them. TokenReview and
 * SubjectAccessReview, which the runtime's HTTP API uses to authenticate callers, are cluster-scoped
 * and need a ClusterRole bound by the installation (docs/operator.md).
 */
public final class RuntimeRbacModel {

    private RuntimeRbacModel() {
    }

    public static ServiceAccount serviceAccount(String namespace, String name) {
        return new ServiceAccountBuilder()
                .withNewMetadata()
                    .withName(name)
                    .withNamespace(namespace)
                    .withLabels(Labels.forNamespaceRbac())
                .endMetadata()
                .build();
    }

    /**
     * Leases only: get, create, update and patch, which is what a Lease-based elector does
     * (fabric8 7.5 renews a Lease with a PATCH).
     */
    public static Role role(String namespace, String name) {
        return new RoleBuilder()
                .withNewMetadata()
                    .withName(name)
                    .withNamespace(namespace)
                    .withLabels(Labels.forNamespaceRbac())
                .endMetadata()
                .withRules(new PolicyRuleBuilder()
                        .withApiGroups("coordination.k8s.io")
                        .withResources("leases")
                        .withVerbs("get", "create", "update", "patch")
                        .build())
                .build();
    }

    public static RoleBinding roleBinding(String namespace, String name) {
        return new RoleBindingBuilder()
                .withNewMetadata()
                    .withName(name)
                    .withNamespace(namespace)
                    .withLabels(Labels.forNamespaceRbac())
                .endMetadata()
                .withNewRoleRef()
                    .withApiGroup("rbac.authorization.k8s.io")
                    .withKind("Role")
                    .withName(name)
                .endRoleRef()
                .addNewSubject()
                    .withKind("ServiceAccount")
                    .withName(name)
                    .withNamespace(namespace)
                .endSubject()
                .build();
    }
}
