package io.dishtayantra.charts;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * One HTTP request to the Kubernetes API, in the terms of an RBAC authorizer: verb, API group,
 * resource, subresource, namespace and name. Paths that are not resource paths (discovery,
 * {@code /version}) have a null resource.
 *
 * @param method the HTTP method
 * @param path the request path with its query
 * @param body the request body, empty when there is none
 */
record ApiRequest(String method, String path, String verb, String group, String resource, String subresource,
        String namespace, String name, String body) {

    /** Parses a request line's method and path, such as GET /apis/apps/v1/namespaces/a/deployments?watch=true. */
    static ApiRequest parse(String method, String path) {
        return parse(method, path, "");
    }

    /** Parses a request with its body. */
    static ApiRequest parse(String method, String path, String body) {
        URI uri = URI.create(path);
        List<String> segments = List.of(uri.getPath().replaceFirst("^/", "").split("/"));
        String query = uri.getQuery() == null ? "" : uri.getQuery();

        int resourceStart;
        String group;
        if (segments.size() >= 2 && segments.get(0).equals("api")) {
            group = "";
            resourceStart = 2;
        } else if (segments.size() >= 3 && segments.get(0).equals("apis")) {
            group = segments.get(1);
            resourceStart = 3;
        } else {
            return new ApiRequest(method, path, method.toLowerCase(Locale.ROOT), null, null, null, null, null, body);
        }
        List<String> rest = segments.subList(resourceStart, segments.size());
        if (rest.isEmpty()) {
            return new ApiRequest(method, path, method.toLowerCase(Locale.ROOT), group, null, null, null, null, body);
        }

        String namespace = null;
        if (rest.get(0).equals("namespaces") && rest.size() >= 3) {
            namespace = rest.get(1);
            rest = rest.subList(2, rest.size());
        }
        String resource = rest.get(0);
        String name = rest.size() >= 2 ? rest.get(1) : null;
        String subresource = rest.size() >= 3 ? rest.get(2) : null;
        if (namespace == null && resource.equals("namespaces") && name != null) {
            // GET /api/v1/namespaces/NAME reads the namespace object itself.
            namespace = name;
        }
        return new ApiRequest(method, path, verb(method, name, query), group, resource, subresource, namespace, name, body);
    }

    private static String verb(String method, String name, String query) {
        boolean watch = query.contains("watch=true") || query.contains("watch=1");
        return switch (method.toUpperCase(Locale.ROOT)) {
            case "GET", "HEAD" -> watch ? "watch" : (name == null ? "list" : "get");
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> name == null ? "deletecollection" : "delete";
            default -> method.toLowerCase(Locale.ROOT);
        };
    }

    /** Returns whether this is a request for a resource, as opposed to discovery or /version. */
    boolean isResourceRequest() {
        return resource != null;
    }

    /** Returns the resource as RBAC rules name it: {@code dags} or {@code dags/status}. */
    String ruleResource() {
        return subresource == null ? resource : resource + "/" + subresource;
    }

    /** Returns a short description for messages: verb, group/resource, namespace/name. */
    String describe() {
        String target = (group.isEmpty() ? "" : group + "/") + ruleResource();
        String where = namespace == null ? "cluster-wide" : "in namespace " + namespace;
        return verb + " " + target + (name == null ? "" : " " + name) + " " + where + " (" + method + " " + path + ")";
    }
}
