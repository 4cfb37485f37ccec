{{/*
The A/B rules of a Gateway API HTTPRoute, from the abTesting block, so the Gateway's route and the mesh's route
split alike: header always/never, then cookie always/never, then the weights. Implementations rank rules for
the same path by their number of header matches, then by their order here: the header's rules come before the
cookie's, so the header decides first, as on ingress-nginx.
path: the Gateway route's path prefix; empty for the mesh route, whose rules cover every path of the Service.
settings: what every rule carries besides matches and backends (filters, timeouts).
Usage: include "romeo-juliet.abRouteRules" (dict "path" "/romeo-please-call-me" "settings" (dict) "context" $)
*/}}
{{- define "romeo-juliet.abRouteRules" -}}
{{- $ab := .context.Values.abTesting -}}
{{- $port := .context.Values.juliet.service.port -}}
{{- $canary := include "romeo-juliet.julietVariantName" (dict "variant" $ab.canary "context" .context) -}}
{{- $stable := include "romeo-juliet.julietVariantName" (dict "variant" $ab.stable "context" .context) -}}
{{- $choices := dict "always" $canary "never" $stable -}}
{{- $path := .path -}}
{{- $settings := .settings -}}
{{- $matches := list -}}
{{- if $ab.header.enabled -}}
{{- range $choice, $backend := $choices }}
{{- $matches = append $matches (dict "header" (dict "type" "Exact" "name" $ab.header.name "value" $choice) "backend" $backend) -}}
{{- end -}}
{{- end -}}
{{- if $ab.cookie.enabled -}}
{{- range $choice, $backend := $choices }}
{{- $matches = append $matches (dict "header" (dict "type" "RegularExpression" "name" "Cookie" "value" (printf "(^|.*;\\s*)%s=%s(;.*|$)" $ab.cookie.name $choice)) "backend" $backend) -}}
{{- end -}}
{{- end -}}
{{- range $matches }}
{{- if eq .header.name "Cookie" }}
# Gateway API has no cookie match; a regular expression on the Cookie header stands in for it
# (RegularExpression header matches are implementation-specific; the chart's README names the ones checked).
{{- end }}
- matches:
    {{- if $path }}
    - path:
        type: PathPrefix
        value: {{ $path }}
      headers:
    {{- else }}
    - headers:
    {{- end }}
        - type: {{ .header.type }}
          name: {{ .header.name }}
          value: {{ .header.value | quote }}
  backendRefs:
    - name: {{ .backend }}
      port: {{ $port }}
  {{- with $settings }}
  {{- toYaml . | nindent 2 }}
  {{- end }}
{{- end }}
{{- if $path }}
- matches:
    - path:
        type: PathPrefix
        value: {{ $path }}
  backendRefs:
{{- else }}
# No match: every other call to the Service.
- backendRefs:
{{- end }}
    - name: {{ $stable }}
      port: {{ $port }}
      weight: {{ sub $ab.weightTotal $ab.weight }}
    - name: {{ $canary }}
      port: {{ $port }}
      weight: {{ $ab.weight }}
  {{- with $settings }}
  {{- toYaml . | nindent 2 }}
  {{- end }}
{{- end -}}
