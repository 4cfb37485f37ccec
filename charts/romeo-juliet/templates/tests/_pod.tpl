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
The curl container's image and security context, for the helm test pods.
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
{{- end -}}
