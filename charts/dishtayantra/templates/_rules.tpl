{{/*
Rules of the operator in a namespace it watches. OperatorRbacCoversRecordedRequestsTest in the
charts module runs the operator against a recording API server and fails when a request it makes
is not covered here, so keep this list to what the operator's code calls.
*/}}
{{- define "dishtayantra.operatorRules" -}}
- apiGroups: ["dishtayantra.io"]
  resources: ["dags", "timewindows"]
  verbs: ["get", "list", "watch", "create", "update", "patch", "delete"]
- apiGroups: ["dishtayantra.io"]
  resources: ["dags/status", "timewindows/status"]
  verbs: ["get", "update", "patch"]
- apiGroups: ["dishtayantra.io"]
  resources: ["dags/finalizers", "timewindows/finalizers"]
  verbs: ["update"]
- apiGroups: [""]
  resources: ["configmaps", "services", "serviceaccounts"]
  verbs: ["get", "list", "watch", "create", "update", "patch", "delete"]
- apiGroups: ["apps"]
  resources: ["deployments"]
  verbs: ["get", "list", "watch", "create", "update", "patch", "delete"]
- apiGroups: ["batch"]
  resources: ["cronjobs"]
  verbs: ["get", "list", "watch", "create", "update", "patch", "delete"]
- apiGroups: ["coordination.k8s.io"]
  resources: ["leases"]
  verbs: ["get", "list", "watch"]
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["get", "list", "watch"]
- apiGroups: ["", "events.k8s.io"]
  resources: ["events"]
  verbs: ["create", "patch"]
{{- if eq (include "dishtayantra.operatorManagesRuntimeRbac" .) "true" }}
{{- /*
The operator creates the runtime's ServiceAccount, Role and RoleBinding where DAGs appear.
Kubernetes lets it grant only permissions it holds itself, hence the runtime's rules here too.
*/}}
- apiGroups: ["rbac.authorization.k8s.io"]
  resources: ["roles", "rolebindings"]
  verbs: ["get", "list", "watch", "create", "update", "patch"]
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

{{/* Rules of the clone CronJob's pods: create the next dated clone, list to find existing ones. */}}
{{- define "dishtayantra.cloneRules" -}}
- apiGroups: ["dishtayantra.io"]
  resources: ["dags"]
  verbs: ["create", "list"]
{{- end }}
