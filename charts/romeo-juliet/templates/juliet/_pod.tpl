{{/*
The pod of one Juliet variant, shared by the Deployment of that variant and by the StatefulSet.
Usage: include "romeo-juliet.julietPod" (dict "key" "v1" "variant" $variant "context" $)
*/}}
{{- define "romeo-juliet.julietPod" -}}
{{- $v := .context.Values -}}
{{- $variant := .variant -}}
{{- /* The variant's own image tag or digest wins over Juliet's. */}}
{{- $image := include "romeo-juliet.julietImage" (dict "variant" $variant "context" .context) | fromYaml -}}
metadata:
  labels:
    {{- include "romeo-juliet.podLabels" (dict "app" "juliet" "variant" .key "version" $variant.version "extraLabels" $variant.podLabels "context" .context) | nindent 4 }}
  {{- with (include "romeo-juliet.podAnnotations" (dict "app" "juliet" "context" .context)) }}
  annotations:
    {{- . | nindent 4 }}
  {{- end }}
spec:
  {{- include "romeo-juliet.podSettings" (dict "app" "juliet" "variant" .key "nodeSelector" $variant.nodeSelector "context" .context) | trim | nindent 2 }}
  {{- with (include "romeo-juliet.sidecars" (dict "app" "juliet" "native" true "context" .context) | trim) }}
  initContainers:
    {{- . | nindent 4 }}
  {{- end }}
  containers:
    - name: juliet
      image: {{ include "romeo-juliet.image" (dict "image" $image "flavored" true "context" .context) }}
      imagePullPolicy: {{ $v.juliet.image.pullPolicy }}
      ports:
        - name: http
          containerPort: 8080
          protocol: TCP
      env:
        - name: POD_NAME
          valueFrom:
            fieldRef:
              fieldPath: metadata.name
        {{- include "romeo-juliet.julietEnv" (dict "variant" $variant "context" .context) | nindent 8 }}
        {{- include "romeo-juliet.shutdownEnv" $v.juliet.shutdown | nindent 8 }}
        {{- with (include "romeo-juliet.appEnv" (dict "app" "juliet" "extraEnv" $variant.extraEnvVars "context" .context) | trim) }}
        {{- . | nindent 8 }}
        {{- end }}
      {{- include "romeo-juliet.appContainerSettings" (dict "app" "juliet" "resources" $variant.resources "context" .context) | trim | nindent 6 }}
    {{- with (include "romeo-juliet.sidecars" (dict "app" "juliet" "native" false "context" .context) | trim) }}
    {{- . | nindent 4 }}
    {{- end }}
    {{- with $v.juliet.extraContainers }}
    {{- tpl (toYaml .) $.context | nindent 4 }}
    {{- end }}
  volumes:
    {{- include "romeo-juliet.podVolumes" (dict "app" "juliet" "context" .context) | nindent 4 }}
{{- end -}}

{{/*
Env of one Juliet variant: what the service reports and answers, and its injected faults. A fault's env is
set only when the fault is on, so a healthy variant carries none.
Usage: include "romeo-juliet.julietEnv" (dict "variant" $variantValues "context" $)
*/}}
{{- define "romeo-juliet.julietEnv" -}}
- name: JULIET_VERSION
  value: {{ .variant.version | quote }}
{{- with (default .context.Values.juliet.greeting .variant.greeting) }}
- name: JULIET_GREETING
  value: {{ . | quote }}
{{- end }}
{{- $fault := default (dict) .variant.fault }}
{{- if and $fault.latency (ne (include "romeo-juliet.durationMillis" $fault.latency) "0") }}
- name: JULIET_FAULT_LATENCY
  value: {{ $fault.latency | quote }}
{{- end }}
{{- if gt (float64 (default 0 $fault.errorRate)) 0.0 }}
- name: JULIET_FAULT_ERROR_RATE
  value: {{ $fault.errorRate | toString | quote }}
{{- end }}
{{- end -}}

{{/*
Image of one Juliet variant: its own tag or digest, falling back to juliet.image.
Usage: include "romeo-juliet.julietImage" (dict "variant" $variantValues "context" $) | fromYaml
*/}}
{{- define "romeo-juliet.julietImage" -}}
{{- $image := deepCopy .context.Values.juliet.image -}}
{{- with .variant.image -}}
{{- if .tag }}{{ $_ := set $image "tag" .tag }}{{ end -}}
{{- if .digest }}{{ $_ := set $image "digest" .digest }}{{ end -}}
{{- end -}}
{{- toYaml $image -}}
{{- end -}}
