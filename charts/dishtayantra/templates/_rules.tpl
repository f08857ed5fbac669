{{/*
Rules of the operator in a namespace it watches. OperatorRbacTest in the charts module runs the
operator against a recording API server and fails when a request it makes is not allowed here,
or when a rule here was not needed; keep this list to what the operator's code calls.
- DAGs: list and watch (informer), get, patch (finalizer and metadata), status patch; create
  and delete for the dated clones of clone templates. Update on dags/finalizers lets the
  operator set blockOwnerDeletion on the objects it owns where the
  OwnerReferencesPermissionEnforcement admission plugin runs.
- TimeWindows: list and watch, status patch.
- ConfigMaps, Deployments, Services: informers by label, create and update; get when an object
  of the same name already exists.
- Each clone template's CronJob, ServiceAccount, Role and RoleBinding: created or updated, and
  deleted when the DAG stops being a template. The Role lets the CronJob's pods list and create
  DAGs, which the operator may grant because it holds both verbs itself.
- Events: get to find a repeat, create, update its count.
- Leases: list and watch the runtime pods' Leases (labelled with their DAG) for status.activePods.
*/}}
{{- define "dishtayantra.operatorRules" -}}
- apiGroups: ["dishtayantra.io"]
  resources: ["dags"]
  verbs: ["get", "list", "watch", "create", "patch", "delete"]
- apiGroups: ["dishtayantra.io"]
  resources: ["dags/status", "timewindows/status"]
  verbs: ["patch"]
- apiGroups: ["dishtayantra.io"]
  resources: ["dags/finalizers"]
  verbs: ["update"]
- apiGroups: ["dishtayantra.io"]
  resources: ["timewindows"]
  verbs: ["list", "watch"]
- apiGroups: [""]
  resources: ["configmaps", "services"]
  verbs: ["get", "list", "watch", "create", "update"]
- apiGroups: ["apps"]
  resources: ["deployments"]
  verbs: ["get", "list", "watch", "create", "update"]
- apiGroups: ["batch"]
  resources: ["cronjobs"]
  verbs: ["get", "create", "update", "delete"]
- apiGroups: [""]
  resources: ["serviceaccounts"]
  verbs: ["get", "create", "update", "delete"]
- apiGroups: ["rbac.authorization.k8s.io"]
  resources: ["roles", "rolebindings"]
  verbs: ["get", "create", "update", "delete"]
- apiGroups: [""]
  resources: ["events"]
  verbs: ["get", "create", "update"]
- apiGroups: ["coordination.k8s.io"]
  resources: ["leases"]
  verbs: ["list", "watch"]
{{- if eq (include "dishtayantra.operatorManagesRuntimeRbac" .) "true" }}
{{- /*
The operator also creates the runtime's ServiceAccount, Role and RoleBinding where DAGs appear,
and restores the Role's rules when they were changed. Kubernetes lets it grant only permissions
it holds itself, hence the runtime's rules here too.
NOTE: in a ClusterRole this lets the operator update any Lease in the cluster, including
controllers' leader Leases. Set operator.watchNamespaces to avoid it.
*/}}
{{ include "dishtayantra.runtimeRules" . }}
{{- end }}
{{- end }}

{{/*
Rules of a DAG's runtime pods in their namespace: the Leases that pick the active pods (fabric8's
leader election renews with a patch). RuntimeRbacTest keeps them equal to the Role the operator
creates in the all-namespaces mode.
*/}}
{{- define "dishtayantra.runtimeRules" -}}
- apiGroups: ["coordination.k8s.io"]
  resources: ["leases"]
  verbs: ["get", "create", "update", "patch"]
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
