package io.dishtayantra.charts;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decides, the way the Kubernetes RBAC authorizer does, whether a ServiceAccount may make an API
 * request under a set of Roles, ClusterRoles and bindings. Covers what the chart uses: rules by
 * group, resource (with subresource), verb and resource name, bound by RoleBinding in one
 * namespace or by ClusterRoleBinding everywhere. Aggregation rules are not followed.
 */
final class RbacAuthorizer {

    /**
     * Requests every authenticated user may make through Kubernetes' default ClusterRoles
     * system:basic-user and system:discovery: self-reviews and API discovery.
     */
    private static final Set<String> SELF_REVIEWS = Set.of(
            "selfsubjectaccessreviews", "selfsubjectrulesreviews", "selfsubjectreviews");

    private final List<HasMetadata> objects;

    RbacAuthorizer(List<HasMetadata> objects) {
        this.objects = List.copyOf(objects);
    }

    /** Returns whether the ServiceAccount {@code accountNamespace/accountName} may make {@code request}. */
    boolean allows(String accountNamespace, String accountName, ApiRequest request) {
        if (!request.isResourceRequest()) {
            return true;
        }
        if (SELF_REVIEWS.contains(request.resource()) && request.verb().equals("create")) {
            return true;
        }
        return rulesFor(accountNamespace, accountName, request.namespace()).stream()
                .anyMatch(rule -> matches(rule, request));
    }

    /** Returns the rules that apply to the account for a request in {@code requestNamespace} (null for cluster-scoped). */
    List<PolicyRule> rulesFor(String accountNamespace, String accountName, String requestNamespace) {
        List<PolicyRule> rules = new ArrayList<>();
        for (ClusterRoleBinding binding : of(ClusterRoleBinding.class)) {
            if (binds(binding.getSubjects(), accountNamespace, accountName)) {
                rules.addAll(clusterRoleRules(binding.getRoleRef().getName()));
            }
        }
        if (requestNamespace == null) {
            return rules;
        }
        for (RoleBinding binding : of(RoleBinding.class)) {
            if (!requestNamespace.equals(binding.getMetadata().getNamespace())
                    || !binds(binding.getSubjects(), accountNamespace, accountName)) {
                continue;
            }
            String roleName = binding.getRoleRef().getName();
            if ("ClusterRole".equals(binding.getRoleRef().getKind())) {
                rules.addAll(clusterRoleRules(roleName));
            } else {
                of(Role.class).stream()
                        .filter(role -> role.getMetadata().getName().equals(roleName))
                        .filter(role -> requestNamespace.equals(role.getMetadata().getNamespace()))
                        .forEach(role -> rules.addAll(role.getRules()));
            }
        }
        return rules;
    }

    /** Returns every rule bound to the account, in any namespace. */
    List<PolicyRule> allRulesOf(String accountNamespace, String accountName) {
        List<PolicyRule> rules = new ArrayList<>(rulesFor(accountNamespace, accountName, null));
        for (RoleBinding binding : of(RoleBinding.class)) {
            rules.addAll(rulesFor(accountNamespace, accountName, binding.getMetadata().getNamespace()).stream()
                    .filter(rule -> !rules.contains(rule))
                    .toList());
        }
        return rules;
    }

    static boolean matches(PolicyRule rule, ApiRequest request) {
        if (!matchesAny(rule.getApiGroups(), request.group())
                || !matchesAny(rule.getResources(), request.ruleResource())
                || !matchesAny(rule.getVerbs(), request.verb())) {
            return false;
        }
        List<String> names = rule.getResourceNames();
        if (names == null || names.isEmpty()) {
            return true;
        }
        // A rule limited to names never allows create, list, watch or deletecollection,
        // because those requests carry no name in the path.
        return request.name() != null && names.contains(request.name());
    }

    private static boolean matchesAny(List<String> allowed, String value) {
        return allowed != null && (allowed.contains("*") || allowed.contains(value));
    }

    private static boolean binds(List<Subject> subjects, String accountNamespace, String accountName) {
        return subjects != null && subjects.stream().anyMatch(subject -> "ServiceAccount".equals(subject.getKind())
                && accountName.equals(subject.getName())
                && accountNamespace.equals(subject.getNamespace()));
    }

    private List<PolicyRule> clusterRoleRules(String name) {
        return of(ClusterRole.class).stream()
                .filter(role -> role.getMetadata().getName().equals(name))
                .flatMap(role -> role.getRules() == null ? java.util.stream.Stream.empty() : role.getRules().stream())
                .toList();
    }

    private <T extends HasMetadata> List<T> of(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
