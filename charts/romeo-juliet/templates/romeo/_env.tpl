{{/*
Env of Romeo: where Juliet is, and which A/B header and cookie to pass on so routing sees them.
Usage: include "romeo-juliet.romeoEnv" $
*/}}
{{- define "romeo-juliet.romeoEnv" -}}
- name: QUARKUS_REST_CLIENT_JULIET_URL
  value: {{ default (printf "http://%s" (include "romeo-juliet.julietServiceName" .)) .Values.romeo.julietUrl | quote }}
- name: ROMEO_FORWARD_HEADERS
  value: {{ .Values.abTesting.header.name | quote }}
- name: ROMEO_FORWARD_COOKIES
  value: {{ .Values.abTesting.cookie.name | quote }}
{{- end -}}
