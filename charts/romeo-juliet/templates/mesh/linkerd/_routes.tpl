{{/*
Juliet's routes under Linkerd's policy and who may use each, as a JSON list of {name, matches, admits}. Linkerd
gives a request to the one route that matches it most precisely (the Gateway API's precedence) and then asks
only that route's AuthorizationPolicies, so every route lists Romeo's side ("callers") again. Once a Server has
routes, Linkerd no longer admits the kubelet's probes by itself: the probes route does it here.
admits names the authentications: callers and tests (MeshTLSAuthentication), kubelet and scraper
(NetworkAuthentication).
Usage: include "romeo-juliet.linkerdRoutes" $ | fromJsonArray
*/}}
{{- define "romeo-juliet.linkerdRoutes" -}}
{{- $admitted := include "romeo-juliet.meshAdmitted" . | fromJson -}}
{{- $callers := list -}}
{{- if or $admitted.callers $admitted.callerNamespaces }}{{ $callers = list "callers" }}{{ end -}}
{{- $routes := list
  (dict "name" "juliet-any-path" "admits" $callers
    "matches" (list (dict "path" (dict "type" "PathPrefix" "value" "/"))))
  (dict "name" "juliet-greeting" "admits" (concat $callers (list "tests"))
    "matches" (list (dict "path" (dict "type" "Exact" "value" (include "romeo-juliet.julietGreetingPath" .)) "method" "GET")))
  (dict "name" "juliet-probes" "admits" (concat $callers (list "kubelet"))
    "matches" (list (dict "path" (dict "type" "PathPrefix" "value" "/q/health") "method" "GET")))
-}}
{{- if include "romeo-juliet.plaintextMetrics" . -}}
{{- $routes = append $routes (dict "name" "juliet-metrics" "admits" (concat $callers (list "scraper"))
    "matches" (list (dict "path" (dict "type" "Exact" "value" "/q/metrics") "method" "GET"))) -}}
{{- end -}}
{{- toJson $routes -}}
{{- end -}}
