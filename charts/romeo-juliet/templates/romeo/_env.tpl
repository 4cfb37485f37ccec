{{/*
Env of Romeo: where Juliet is, which A/B header and cookie to pass on so routing sees them, and how Romeo
calls Juliet (romeo.calls). The call settings are always set, defaults included, so the figures the chart
checks in validateValues are the ones Romeo runs with.
Usage: include "romeo-juliet.romeoEnv" $
*/}}
{{- define "romeo-juliet.romeoEnv" -}}
- name: QUARKUS_REST_CLIENT_JULIET_URL
  value: {{ default (printf "http://%s" (include "romeo-juliet.julietServiceName" .)) .Values.romeo.julietUrl | quote }}
# Romeo's per-variant series start at zero for each version Juliet may answer with.
- name: ROMEO_JULIET_VERSIONS
  value: {{ include "romeo-juliet.julietVersions" . | quote }}
- name: ROMEO_FORWARD_HEADERS
  value: {{ .Values.abTesting.header.name | quote }}
- name: ROMEO_FORWARD_COOKIES
  value: {{ .Values.abTesting.cookie.name | quote }}
{{- with .Values.romeo.calls }}
- name: QUARKUS_REST_CLIENT_JULIET_CONNECT_TIMEOUT
  value: {{ .connectTimeout | toString | quote }}
- name: QUARKUS_REST_CLIENT_JULIET_READ_TIMEOUT
  value: {{ .readTimeout | toString | quote }}
- name: ROMEO_CALLS_DEADLINE
  value: {{ .deadline | quote }}
- name: ROMEO_CALLS_RETRY_MAX_RETRIES
  value: {{ .retry.maxRetries | toString | quote }}
- name: ROMEO_CALLS_RETRY_DELAY
  value: {{ .retry.delay | quote }}
- name: ROMEO_CALLS_RETRY_JITTER
  value: {{ .retry.jitter | quote }}
- name: ROMEO_CALLS_CIRCUIT_BREAKER_ENABLED
  value: {{ .circuitBreaker.enabled | toString | quote }}
- name: ROMEO_CALLS_CIRCUIT_BREAKER_REQUEST_VOLUME_THRESHOLD
  value: {{ .circuitBreaker.requestVolumeThreshold | toString | quote }}
- name: ROMEO_CALLS_CIRCUIT_BREAKER_FAILURE_RATIO
  value: {{ .circuitBreaker.failureRatio | toString | quote }}
- name: ROMEO_CALLS_CIRCUIT_BREAKER_DELAY
  value: {{ .circuitBreaker.delay | quote }}
{{- end }}
{{- end -}}
