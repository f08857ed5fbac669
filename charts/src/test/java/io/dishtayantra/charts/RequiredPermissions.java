package io.dishtayantra.charts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The permissions a component needs, derived from the requests it made:
 * <ul>
 * <li>each request's verb on its group and resource;</li>
 * <li>the rules of every Role it created or updated, because Kubernetes lets a subject grant only
 *     permissions it holds itself (no {@code escalate} verb is granted);</li>
 * <li>{@code update} on {@code <owner>/finalizers} for every owner reference it wrote with
 *     {@code blockOwnerDeletion: true}, which the OwnerReferencesPermissionEnforcement admission
 *     plugin checks.</li>
 * </ul>
 * Each permission reads {@code verb group/resource}, with no group for the core API.
 */
final class RequiredPermissions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RequiredPermissions() {
    }

    static Set<String> of(List<ApiRequest> requests) {
        Set<String> permissions = new TreeSet<>();
        for (ApiRequest request : requests) {
            if (!request.isResourceRequest()) {
                continue;
            }
            permissions.add(permission(request.verb(), request.group(), request.ruleResource()));
            boolean writes = request.verb().equals("create") || request.verb().equals("update");
            if (writes && !request.body().isBlank()) {
                JsonNode body = read(request.body());
                if (request.resource().equals("roles") || request.resource().equals("clusterroles")) {
                    permissions.addAll(rulesOf(body));
                }
                permissions.addAll(finalizersOfBlockingOwners(body));
            }
        }
        return permissions;
    }

    static String permission(String verb, String group, String resource) {
        return verb + " " + (group.isEmpty() ? "" : group + "/") + resource;
    }

    private static Set<String> rulesOf(JsonNode role) {
        Set<String> permissions = new TreeSet<>();
        for (JsonNode rule : role.path("rules")) {
            for (JsonNode group : rule.path("apiGroups")) {
                for (JsonNode resource : rule.path("resources")) {
                    for (JsonNode verb : rule.path("verbs")) {
                        permissions.add(permission(verb.asText(), group.asText(), resource.asText()));
                    }
                }
            }
        }
        return permissions;
    }

    private static Set<String> finalizersOfBlockingOwners(JsonNode object) {
        Set<String> permissions = new TreeSet<>();
        for (JsonNode owner : object.path("metadata").path("ownerReferences")) {
            if (owner.path("blockOwnerDeletion").asBoolean(false)) {
                String apiVersion = owner.path("apiVersion").asText();
                String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
                String plural = owner.path("kind").asText().toLowerCase(java.util.Locale.ROOT) + "s";
                permissions.add(permission("update", group, plural + "/finalizers"));
            }
        }
        return permissions;
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Request body is not JSON: " + body, e);
        }
    }
}
