{{/*
Who the mesh policies admit to Juliet, as a JSON object of lists, so the Istio and the Linkerd objects are built
from one description:
  callers   ServiceAccounts ("namespace/name") admitted to every path: Romeo, serviceMesh.authorization.extraServiceAccounts
            and, when named, routingServiceAccounts
  callerNamespaces  namespaces whose every identity is admitted to every path: the routing proxies' namespaces when
            routingServiceAccounts is empty
  tests     the helm test pods' ServiceAccount, admitted to GET the greeting only
Usage: include "romeo-juliet.meshAdmitted" $ | fromJson
*/}}
{{- define "romeo-juliet.meshAdmitted" -}}
{{- $v := .Values -}}
{{- $auth := $v.serviceMesh.authorization -}}
{{- $callers := list -}}
{{- if $v.romeo.enabled -}}
{{- $callers = append $callers (printf "%s/%s" (include "romeo-juliet.namespace" .) (include "romeo-juliet.serviceAccountName" (dict "app" "romeo" "context" .))) -}}
{{- end -}}
{{- $callers = concat $callers $auth.extraServiceAccounts -}}
{{- $namespaces := list -}}
{{- if $v.routing.enabled -}}
{{- if $auth.routingServiceAccounts -}}
{{- $callers = concat $callers $auth.routingServiceAccounts -}}
{{- else -}}
{{- $namespaces = include "romeo-juliet.routingNamespaces" . | fromJsonArray -}}
{{- end -}}
{{- end -}}
{{- $tests := list (printf "%s/%s" (include "romeo-juliet.namespace" .) (include "romeo-juliet.testServiceAccountName" .)) -}}
{{- dict "callers" (uniq $callers) "callerNamespaces" $namespaces "tests" $tests | toJson -}}
{{- end -}}

{{/*
An admitted ServiceAccount ("namespace/name", or "namespace/*" for every one of a namespace) as the mesh names
its identity: Istio's principal <trustDomain>/ns/<namespace>/sa/<name>, Linkerd's
<name>.<namespace>.serviceaccount.identity.linkerd.<trustDomain>.
Usage: include "romeo-juliet.meshIdentity" (dict "mesh" "istio" "serviceAccount" "default/romeo" "context" $)
*/}}
{{- define "romeo-juliet.meshIdentity" -}}
{{- $parts := splitList "/" .serviceAccount -}}
{{- $mesh := .context.Values.serviceMesh -}}
{{- if eq .mesh "istio" -}}
{{- printf "%s/ns/%s/sa/%s" $mesh.istio.trustDomain (first $parts) (last $parts) -}}
{{- else -}}
{{- printf "%s.%s.serviceaccount.identity.linkerd.%s" (last $parts) (first $parts) $mesh.linkerd.identityTrustDomain -}}
{{- end -}}
{{- end -}}

{{/*
Whether a metrics scraper outside the mesh may GET /q/metrics in plain text: "true" or empty. It may when the
identity policy is on, serviceMesh.authorization.plaintextMetrics allows it, and the values admit a scraper at
all (networkPolicy.metricsScraper.enabled, or a metrics.discovery that has a cluster Prometheus scrape the pods).
Usage: include "romeo-juliet.plaintextMetrics" $
*/}}
{{- define "romeo-juliet.plaintextMetrics" -}}
{{- $v := .Values -}}
{{- if and $v.serviceMesh.authorization.enabled $v.serviceMesh.authorization.plaintextMetrics -}}
{{- if or $v.networkPolicy.metricsScraper.enabled (ne $v.metrics.discovery "none") -}}true{{- end -}}
{{- end -}}
{{- end -}}

{{/*
The one path the helm test pods call on Juliet (her greeting), so the test and the policy admitting it agree.
*/}}
{{- define "romeo-juliet.julietGreetingPath" -}}
/romeo-please-call-me
{{- end -}}
