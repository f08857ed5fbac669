{{/*
Rules of the operator in a namespace it watches. OperatorRbacTest in the charts module runs the
operator against a recording API server and fails when a request it makes is not allowed here,
or when a rule here was not needed; keep this list to what the operator's code calls.
- dags: list and watch (informer), patch (finalizer and metadata), status patch. Update on
  dags/finalizers lets the operator set blockOwnerDeletion on the objects it owns where the
  OwnerReferencesPermissionEnforcement admission plugin runs.
- ConfigMaps, Deployments, Services: informers by label, create and update; get when an object
  of the same name already exists.
- Events: get to find a repeat, create, update its count.
*/}}
{{- define "dishtayantra.operatorRules" -}}
- apiGroups: ["dishtayantra.io"]
  resources: ["dags"]
  verbs: ["list", "watch", "patch"]
- apiGroups: ["dishtayantra.io"]
  resources: ["dags/status"]
  verbs: ["patch"]
- apiGroups: ["dishtayantra.io"]
  resources: ["dags/finalizers"]
  verbs: ["update"]
- apiGroups: [""]
  resources: ["configmaps", "services"]
  verbs: ["get", "list", "watch", "create", "update"]
- apiGroups: ["apps"]
  resources: ["deployments"]
  verbs: ["get", "list", "watch", "create", "update"]
- apiGroups: [""]
  resources: ["events"]
  verbs: ["get", "create", "update"]
{{- if eq (include "dishtayantra.operatorManagesRuntimeRbac" .) "true" }}
{{- /*
The operator creates the runtime's ServiceAccount, Role and RoleBinding where DAGs appear, and
restores the Role's rules when they were changed. Kubernetes lets it grant only permissions it
holds itself, hence the runtime's rules here too.
NOTE: in a ClusterRole this lets the operator update any Lease in the cluster, including
controllers' leader Leases. Set operator.watchNamespaces to avoid it.
*/}}
- apiGroups: [""]
  resources: ["serviceaccounts"]
  verbs: ["get", "create"]
- apiGroups: ["rbac.authorization.k8s.io"]
  resources: ["roles"]
  verbs: ["get", "create", "update"]
- apiGroups: ["rbac.authorization.k8s.io"]
  resources: ["rolebindings"]
  verbs: ["get", "create"]
{{ include "dishtayantra.runtimeRules" . }}
{{- end }}
{{- end }}

{{/* Rules of a DAG's runtime pods in their namespace: the Lease that picks the active pod. */}}
{{- define "dishtayantra.runtimeRules" -}}
- apiGroups: ["coordination.k8s.io"]
  resources: ["leases"]
  verbs: ["get", "create", "update"]
{{- end }}

{{/*
Cluster-scoped rules of the runtime: its HTTP API checks a caller's bearer token with a
TokenReview and the caller's access to the dags resource with a SubjectAccessReview.
*/}}
{{- define "dishtayantra.runtimeAuthRules" -}}
- apiGroups: ["authentication.k8s.io"]
  resources: ["tokenreviews"]
  verbs: ["create"]
- apiGroups: ["authorization.k8s.io"]
  resources: ["subjectaccessreviews"]
  verbs: ["create"]
{{- end }}
