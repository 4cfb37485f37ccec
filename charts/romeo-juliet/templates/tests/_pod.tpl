{{/*
Metadata of a helm test pod: the test component, the hook, and its place in the mesh. Without the identity
policy the pods stay out of any mesh: a classic sidecar would keep the pod running after curl exits, so helm
test would never finish. With serviceMesh.authorization on, Juliet takes only mutual TLS from admitted
identities, so the pods join the mesh (they run as the test ServiceAccount the policy admits) with the proxy
as a native sidecar (Kubernetes 1.29+), which stops once curl is done.
"app" optionally lends the pod an app's app label, so NetworkPolicies treat it as that app.
Usage: include "romeo-juliet.testPodMetadata" (dict "name" "test-romeo-calls-juliet" "context" $)
*/}}
{{- define "romeo-juliet.testPodMetadata" -}}
{{- $mesh := .context.Values.serviceMesh -}}
{{- $meshed := $mesh.authorization.enabled -}}
{{- $labels := include "romeo-juliet.labels" (dict "component" "test" "context" .context) | fromYaml -}}
{{- with .app -}}
{{- $_ := set $labels "app" (include "romeo-juliet.appLabel" (dict "app" . "context" $.context)) -}}
{{- end -}}
{{- $annotations := dict "helm.sh/hook" "test" "helm.sh/hook-delete-policy" "before-hook-creation" -}}
{{- if and $meshed $mesh.istio.enabled -}}
{{- $_ := set $labels "sidecar.istio.io/inject" "true" -}}
{{- $_ := set $annotations "sidecar.istio.io/nativeSidecar" "true" -}}
{{- else -}}
{{- $_ := set $labels "sidecar.istio.io/inject" "false" -}}
{{- end -}}
{{- if and $meshed $mesh.linkerd.enabled -}}
{{- $_ := set $annotations "linkerd.io/inject" "enabled" -}}
{{- /* The beta key since Linkerd 2.17 (edge), the alpha one before it; each version reads its own. */}}
{{- $_ := set $annotations "config.beta.linkerd.io/proxy-enable-native-sidecar" "true" -}}
{{- $_ := set $annotations "config.alpha.linkerd.io/proxy-enable-native-sidecar" "true" -}}
{{- else -}}
{{- $_ := set $annotations "linkerd.io/inject" "disabled" -}}
{{- end -}}
name: {{ include "romeo-juliet.name" (dict "name" .name "context" .context) }}
namespace: {{ (include "romeo-juliet.namespace" .context) }}
labels:
  {{- toYaml $labels | nindent 2 }}
annotations:
  {{- toYaml $annotations | nindent 2 }}
{{- end -}}

{{/*
Pod-level settings shared by the helm test pods: they run once, need no API token (the mesh's proxy gets its
own projected token) and are as locked down as the apps, so they pass the same admission policies.
Usage: include "romeo-juliet.testPodSettings" $
*/}}
{{- define "romeo-juliet.testPodSettings" -}}
restartPolicy: Never
{{- if .Values.serviceMesh.authorization.enabled }}
serviceAccountName: {{ include "romeo-juliet.testServiceAccountName" . }}
{{- end }}
automountServiceAccountToken: false
{{- with .Values.global.imagePullSecrets }}
imagePullSecrets:
  {{- range . }}
  - name: {{ . }}
  {{- end }}
{{- end }}
securityContext:
  runAsNonRoot: true
  {{- if not (include "romeo-juliet.adaptToOpenShift" .) }}
  runAsUser: 1001
  {{- end }}
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
