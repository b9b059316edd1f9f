{{/* Labels on every object of this chart. */}}
{{- define "cluster-base.labels" -}}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: {{ .Values.cluster.project }}
vectorweight.dev/cluster: {{ .Values.cluster.name }}
vectorweight.dev/environment: {{ .Values.cluster.environment }}
{{- end -}}
