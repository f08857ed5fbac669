package io.dishtayantra.runtime.http.security;

/**
 * Who made a request, once authenticated.
 *
 * @param name the user name, token name or Kubernetes user
 * @param role what the caller may do in standalone mode; in cluster mode RBAC decides per request
 * @param via how the caller authenticated: session, token or kubernetes
 */
public record Caller(String name, Role role, String via) {
}
