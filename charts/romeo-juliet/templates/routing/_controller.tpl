{{/*
Namespaces of the pods that proxy routed calls, as a JSON list. Without routing.controller.namespaces each
provider's usual place: ingress-nginx and Traefik run in their own namespace; most Gateway API
implementations (Istio, NGINX Gateway Fabric, kgateway) run the proxy beside its Gateway, so the parentRefs'
namespaces. Envoy Gateway keeps its proxies in envoy-gateway-system: set the list for it.
Usage: include "romeo-juliet.routingNamespaces" $ | fromJsonArray
*/}}
{{- define "romeo-juliet.routingNamespaces" -}}
{{- $r := .Values.routing -}}
{{- $namespaces := $r.controller.namespaces -}}
{{- if not $namespaces -}}
{{- if eq $r.provider "nginx" -}}
{{- $namespaces = list "ingress-nginx" -}}
{{- else if eq $r.provider "traefik" -}}
{{- $namespaces = list "traefik" -}}
{{- else -}}
{{- range $r.gatewayApi.parentRefs -}}
{{- $namespaces = append $namespaces (default (include "romeo-juliet.namespace" $) .namespace) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- uniq $namespaces | toJson -}}
{{- end -}}

{{/*
NetworkPolicy peers for those proxies: each namespace, narrowed to routing.controller.podSelector when set.
Usage: include "romeo-juliet.routingPeers" $
*/}}
{{- define "romeo-juliet.routingPeers" -}}
{{- $podSelector := .Values.routing.controller.podSelector -}}
{{- range (include "romeo-juliet.routingNamespaces" . | fromJsonArray) }}
- namespaceSelector:
    matchLabels:
      kubernetes.io/metadata.name: {{ . }}
  {{- with $podSelector }}
  podSelector:
    matchLabels:
      {{- toYaml . | nindent 6 }}
  {{- end }}
{{- end }}
{{- end -}}

{{/*
Whether a path route sends calls to Romeo's Service: "true" or empty. Romeo's ingress policy then admits
the proxies too.
Usage: include "romeo-juliet.routesToRomeo" $
*/}}
{{- define "romeo-juliet.routesToRomeo" -}}
{{- if .Values.routing.enabled -}}
{{- range .Values.routing.paths -}}
{{- if eq .service $.Values.romeo.service.name }}true{{ end -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
Ports of the release's own Services by their unprefixed name: the names routing.paths.<name>.service uses.
Usage: include "romeo-juliet.servicePorts" $ | fromYaml
*/}}
{{- define "romeo-juliet.servicePorts" -}}
{{- $ports := dict .Values.juliet.service.name .Values.juliet.service.port -}}
{{- range $key, $variant := .Values.juliet.variants -}}
{{- if $variant.enabled }}{{ $_ := set $ports (printf "juliet-%s" $key) $.Values.juliet.service.port }}{{ end -}}
{{- end -}}
{{- if .Values.romeo.enabled }}{{ $_ := set $ports .Values.romeo.service.name .Values.romeo.service.port }}{{ end -}}
{{- toYaml $ports -}}
{{- end -}}

{{/*
Port a path route sends to: the release's Service's own port, else routing.paths.<name>.port, else 80.
Usage: include "romeo-juliet.pathRoutePort" (dict "path" $p "context" $)
*/}}
{{- define "romeo-juliet.pathRoutePort" -}}
{{- $ports := include "romeo-juliet.servicePorts" .context | fromYaml -}}
{{- get $ports .path.service | default .path.port | default 80 -}}
{{- end -}}

{{/*
A Traefik path matcher with the Ingress and Gateway API meaning: Exact is Path; a prefix matches whole path
segments (/a matches /a and /a/b, not /ab), which Traefik's PathPrefix alone does not.
Usage: include "romeo-juliet.traefikPath" (dict "path" "/service-a" "exact" false)
*/}}
{{- define "romeo-juliet.traefikPath" -}}
{{- $prefix := trimSuffix "/" .path -}}
{{- if .exact -}}
Path(`{{ .path }}`)
{{- else if not $prefix -}}
PathPrefix(`/`)
{{- else -}}
(Path(`{{ $prefix }}`) || PathPrefix(`{{ $prefix }}/`))
{{- end -}}
{{- end -}}
