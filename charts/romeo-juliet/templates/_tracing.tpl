{{/*
The OpenTelemetry env both services read: setting the endpoint is what switches tracing on in them, so none of
it is set unless tracing.enabled. The sampler is the services' parent-based trace-id ratio: the ratio applies
to traces that start here, and a call whose caller sampled its trace is always recorded.
Usage: include "romeo-juliet.tracingEnv" $
*/}}
{{- define "romeo-juliet.tracingEnv" -}}
{{- with .Values.tracing }}
{{- if .enabled }}
- name: OTEL_EXPORTER_OTLP_ENDPOINT
  value: {{ .endpoint | quote }}
- name: OTEL_EXPORTER_OTLP_PROTOCOL
  value: {{ .protocol | quote }}
- name: OTEL_TRACES_SAMPLER_ARG
  value: {{ .samplerRatio | toString | quote }}
{{- end }}
{{- end }}
{{- end -}}

{{/*
The collector's port as Romeo's egress policy needs it: the port of tracing.endpoint, else the scheme's
(80, 443). A NetworkPolicy sees the pod's port; the collector's usual Services (4317, 4318) keep it unchanged.
Usage: include "romeo-juliet.tracingPort" $
*/}}
{{- define "romeo-juliet.tracingPort" -}}
{{- $url := urlParse .Values.tracing.endpoint -}}
{{- $hostPort := splitList ":" $url.host -}}
{{- if gt (len $hostPort) 1 -}}
{{- last $hostPort -}}
{{- else -}}
{{- eq $url.scheme "https" | ternary 443 80 -}}
{{- end -}}
{{- end -}}
