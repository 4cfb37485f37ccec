{{/*
Metadata of a helm test pod: the test component, the hook, and out of any mesh. An injected proxy would keep
the pod running after curl exits (so helm test never finishes) and would answer for Juliet itself.
"app" optionally lends the pod an app's app label, so NetworkPolicies treat it as that app.
Usage: include "romeo-juliet.testPodMetadata" (dict "name" "test-romeo-calls-juliet" "context" $)
*/}}
{{- define "romeo-juliet.testPodMetadata" -}}
{{- $labels := include "romeo-juliet.labels" (dict "component" "test" "context" .context) | fromYaml -}}
{{- with .app -}}
{{- $_ := set $labels "app" (include "romeo-juliet.appLabel" (dict "app" . "context" $.context)) -}}
{{- end -}}
{{- $_ := set $labels "sidecar.istio.io/inject" "false" -}}
name: {{ include "romeo-juliet.name" (dict "name" .name "context" .context) }}
namespace: {{ .context.Release.Namespace }}
labels:
  {{- toYaml $labels | nindent 2 }}
annotations:
  helm.sh/hook: test
  helm.sh/hook-delete-policy: before-hook-creation
  linkerd.io/inject: disabled
{{- end -}}

{{/*
Pod-level settings shared by the helm test pods: they run once, need no API token and are as locked down
as the apps, so they pass the same admission policies.
Usage: include "romeo-juliet.testPodSettings" $
*/}}
{{- define "romeo-juliet.testPodSettings" -}}
restartPolicy: Never
automountServiceAccountToken: false
{{- with .Values.global.imagePullSecrets }}
imagePullSecrets:
  {{- range . }}
  - name: {{ . }}
  {{- end }}
{{- end }}
securityContext:
  runAsNonRoot: true
  runAsUser: 1001
  seccompProfile:
    type: RuntimeDefault
{{- end -}}

{{/*
The curl container's image, security context and resources (a ResourceQuota refuses pods without them).
Usage: include "romeo-juliet.testContainerSettings" $
*/}}
{{- define "romeo-juliet.testContainerSettings" -}}
image: {{ include "romeo-juliet.image" (dict "image" .Values.tests.image "context" .) }}
imagePullPolicy: {{ .Values.tests.image.pullPolicy }}
securityContext:
  allowPrivilegeEscalation: false
  readOnlyRootFilesystem: true
  capabilities:
    drop: ["ALL"]
{{- with (include "romeo-juliet.resources" (dict "resources" .Values.tests.resources "preset" .Values.tests.resourcesPreset)) }}
resources:
  {{- . | nindent 2 }}
{{- end }}
{{- end -}}
