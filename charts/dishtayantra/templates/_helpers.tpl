{{/*
Names and labels shared by every template of the chart.
*/}}

{{- define "dishtayantra.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Full name of the release's objects: the release name, followed by the chart name unless the
release name already contains it. Truncated to 63 characters, the limit of a DNS label.
*/}}
{{- define "dishtayantra.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "dishtayantra.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "dishtayantra.labels" -}}
helm.sh/chart: {{ include "dishtayantra.chart" . }}
app.kubernetes.io/name: {{ include "dishtayantra.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: dishtayantra
{{- end }}

{{/* Labels that select the operator's pods; they never change across upgrades. */}}
{{- define "dishtayantra.operatorSelectorLabels" -}}
app.kubernetes.io/name: {{ include "dishtayantra.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: operator
{{- end }}

{{- define "dishtayantra.operatorLabels" -}}
{{ include "dishtayantra.labels" . }}
app.kubernetes.io/component: operator
{{- end }}

{{- define "dishtayantra.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "dishtayantra.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- required "serviceAccount.name is required when serviceAccount.create is false: name an existing ServiceAccount" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "dishtayantra.leaseName" -}}
{{- default (include "dishtayantra.fullname" .) .Values.operator.leaderElection.leaseName }}
{{- end }}

{{/*
An image reference from {repository, tag, digest}: the digest wins over the tag, and an empty
tag means the chart's appVersion.
*/}}
{{- define "dishtayantra.image" -}}
{{- $image := index . 0 }}
{{- $root := index . 1 }}
{{- if $image.digest }}
{{- printf "%s@%s" $image.repository $image.digest }}
{{- else }}
{{- printf "%s:%s" $image.repository (default $root.Chart.AppVersion $image.tag) }}
{{- end }}
{{- end }}

{{/*
Namespaces where DAG runtime pods get their RBAC from the chart, as a JSON list: the watched
namespaces; with every namespace watched, rbac.workloadNamespaces or else the release namespace.
*/}}
{{- define "dishtayantra.workloadNamespaces" -}}
{{- if .Values.operator.watchNamespaces }}
{{- .Values.operator.watchNamespaces | uniq | toJson }}
{{- else if .Values.rbac.workloadNamespaces }}
{{- .Values.rbac.workloadNamespaces | uniq | toJson }}
{{- else }}
{{- list .Release.Namespace | toJson }}
{{- end }}
{{- end }}

{{/*
Labels the operator puts on every DAG runtime pod it creates. Must match the operator's
workload builder; ChartRuntimeSelectorTest compares them.
*/}}
{{- define "dishtayantra.runtimePodSelector" -}}
app.kubernetes.io/name: dishtayantra-runtime
app.kubernetes.io/managed-by: dishtayantra-operator
{{- end }}

{{/*
"true" when the operator creates the runtime's ServiceAccount, Role and RoleBinding in each
namespace where a DAG appears: when it watches every namespace, because the chart cannot know
those namespaces. With operator.watchNamespaces the chart creates them and the operator needs no
permission to write RBAC objects.
*/}}
{{- define "dishtayantra.operatorManagesRuntimeRbac" -}}
{{- if .Values.operator.watchNamespaces }}false{{ else }}true{{ end }}
{{- end }}
