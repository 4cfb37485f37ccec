{{/*
Rules that span several keys, which values.schema.json cannot express. Each message names the keys to fix.
Called from NOTES.txt and from Juliet's Service, so both helm install and helm template run it.
*/}}
{{- define "romeo-juliet.validateValues" -}}
{{- $v := .Values -}}
{{- $errors := list -}}
{{- $enabled := list -}}
{{- range $key, $variant := $v.juliet.variants -}}
{{- if $variant.enabled }}{{ $enabled = append $enabled $key }}{{ end -}}
{{- end -}}
{{- if not $enabled -}}
{{- $errors = append $errors "juliet.variants: enable at least one variant (juliet.variants.<name>.enabled=true)" -}}
{{- end -}}
{{- if and (eq $v.juliet.workload "StatefulSet") (gt (len $enabled) 1) -}}
{{- $errors = append $errors (printf "juliet.workload: StatefulSet runs one variant, but juliet.variants enables %s; disable all but one or use juliet.workload=Deployment" (join ", " $enabled)) -}}
{{- end -}}
{{- if and (or $v.abTesting.enabled (gt (len $enabled) 1)) (not (has $v.abTesting.stable $enabled)) -}}
{{- $errors = append $errors (printf "abTesting.stable: %q is not an enabled variant in juliet.variants (enabled: %s); with several variants juliet-service serves the stable one" $v.abTesting.stable (join ", " $enabled)) -}}
{{- end -}}
{{- $mesh := $v.serviceMesh -}}
{{- if and $mesh.istio.enabled $mesh.linkerd.enabled -}}
{{- $errors = append $errors "serviceMesh.linkerd.enabled: a pod joins one mesh; switch off serviceMesh.istio.enabled or serviceMesh.linkerd.enabled" -}}
{{- end -}}
{{- if $v.abTesting.enabled -}}
{{- if not (or $v.routing.enabled $v.abTesting.mesh.enabled) -}}
{{- $errors = append $errors "abTesting.enabled: A/B testing needs routing.enabled=true (an Ingress controller or Gateway does the split) or abTesting.mesh.enabled=true (the mesh does)" -}}
{{- end -}}
{{- if and $v.abTesting.mesh.enabled (not (or $mesh.istio.enabled $mesh.linkerd.enabled)) -}}
{{- $errors = append $errors "abTesting.mesh.enabled: the mesh's route is followed by the callers' proxies; enable serviceMesh.istio.enabled or serviceMesh.linkerd.enabled" -}}
{{- end -}}
{{- if not (has $v.abTesting.canary $enabled) -}}
{{- $errors = append $errors (printf "abTesting.canary: %q is not an enabled variant in juliet.variants (enabled: %s)" $v.abTesting.canary (join ", " $enabled)) -}}
{{- end -}}
{{- if eq $v.abTesting.stable $v.abTesting.canary -}}
{{- $errors = append $errors "abTesting.canary: must differ from abTesting.stable" -}}
{{- end -}}
{{- if gt (int $v.abTesting.weight) (int $v.abTesting.weightTotal) -}}
{{- $errors = append $errors (printf "abTesting.weight: %d is more than abTesting.weightTotal (%d)" (int $v.abTesting.weight) (int $v.abTesting.weightTotal)) -}}
{{- end -}}
{{- if eq $v.juliet.workload "StatefulSet" -}}
{{- $errors = append $errors "abTesting.enabled: A/B testing needs two variants, which juliet.workload=StatefulSet does not run" -}}
{{- end -}}
{{- end -}}
{{- range $app := list "juliet" "romeo" -}}
{{- $a := get $v $app -}}
{{- $sd := $a.shutdown -}}
{{- $needed := add $sd.preStopSleepSeconds $sd.delaySeconds $sd.timeoutSeconds 5 -}}
{{- if lt (int $a.terminationGracePeriodSeconds) (int $needed) -}}
{{- $errors = append $errors (printf "%s.terminationGracePeriodSeconds: %d is less than %s.shutdown.preStopSleepSeconds + delaySeconds + timeoutSeconds + 5 (%d); the kubelet would kill %s before it drains" $app (int $a.terminationGracePeriodSeconds) $app (int $needed) $app) -}}
{{- end -}}
{{- $as := $a.autoscaling -}}
{{- if and $as.enabled (gt (int $as.minReplicas) (int $as.maxReplicas)) -}}
{{- $errors = append $errors (printf "%s.autoscaling.minReplicas: %d is more than %s.autoscaling.maxReplicas (%d)" $app (int $as.minReplicas) $app (int $as.maxReplicas)) -}}
{{- end -}}
{{- end -}}
{{- $servicePorts := include "romeo-juliet.servicePorts" . | fromYaml -}}
{{- range $name, $p := $v.routing.paths -}}
{{- if and $p.port (hasKey $servicePorts $p.service) (ne (int $p.port) (int (get $servicePorts $p.service))) -}}
{{- $errors = append $errors (printf "routing.paths.%s.port: %d is not the port of %s (%d); leave it out and the route follows the Service" $name (int $p.port) $p.service (int (get $servicePorts $p.service))) -}}
{{- end -}}
{{- if eq $p.path $v.routing.julietPath -}}
{{- $errors = append $errors (printf "routing.paths.%s.path: %s is already routing.julietPath" $name $p.path) -}}
{{- end -}}
{{- end -}}
{{- if $v.routing.enabled -}}
{{- if and (include "romeo-juliet.namePrefix" .) (not $v.routing.host) -}}
{{- $errors = append $errors (printf "routing.host: a release with namePrefix %q shares the routing class with other releases; give it its own host, or both claim the same paths" (include "romeo-juliet.namePrefix" .)) -}}
{{- end -}}
{{- if and $v.networkPolicy.enabled (has (include "romeo-juliet.namespace" .) (include "romeo-juliet.routingNamespaces" . | fromJsonArray)) (not $v.routing.controller.podSelector) -}}
{{- $errors = append $errors (printf "routing.controller.podSelector: the routing proxies run in the release namespace %s; name their pod labels, or the policy admits every pod of the namespace to Juliet" (include "romeo-juliet.namespace" .)) -}}
{{- end -}}
{{- end -}}
{{- if and $v.romeo.enabled $v.networkPolicy.enabled $v.networkPolicy.romeoEgress.enabled -}}
{{- /* Each destination gets its own rule; the chart cannot tell which pods stand behind a URL, so the user names them. */}}
{{- $egress := $v.networkPolicy.romeoEgress -}}
{{- $destinations := dict -}}
{{- if $v.metricsSidecar.enabled }}{{ $_ := set $destinations "remoteWrite" (printf "the metrics sidecar's remote write to %s" $v.metricsSidecar.remoteWriteUrl) }}{{ end -}}
{{- if include "romeo-juliet.logOutputLeavesThePod" . }}{{ $_ := set $destinations "logBackend" (printf "the log sidecar's %s output" $v.logSidecar.output.name) }}{{ end -}}
{{- range $key, $what := $destinations -}}
{{- $peer := get $egress $key -}}
{{- if or (not $peer.namespaceSelector) (not $peer.ports) -}}
{{- $errors = append $errors (printf "networkPolicy.romeoEgress.%s: Romeo's egress policy (networkPolicy.romeoEgress.enabled) blocks %s; set its namespaceSelector (and podSelector) and the pods' ports" $key $what) -}}
{{- end -}}
{{- end -}}
{{- range $mesh := list "istio" "linkerd" -}}
{{- $peer := get $egress.meshControlPlane $mesh -}}
{{- if and (get $v.serviceMesh $mesh).enabled (or (not $peer.namespaceSelector) (not $peer.ports)) -}}
{{- $errors = append $errors (printf "networkPolicy.romeoEgress.meshControlPlane.%s: Romeo's egress policy (networkPolicy.romeoEgress.enabled) blocks his mesh proxy's calls to the control plane; set its namespaceSelector and ports" $mesh) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- if and (ne $v.metrics.discovery "none") $v.networkPolicy.enabled (not $v.networkPolicy.metricsScraper.enabled) -}}
{{- $errors = append $errors (printf "networkPolicy.metricsScraper.enabled: metrics.discovery=%s has a cluster Prometheus scrape the pods, but Juliet's policy admits it only with networkPolicy.metricsScraper.enabled=true (and its selectors)" $v.metrics.discovery) -}}
{{- end -}}
{{- if $v.romeo.enabled -}}
{{- /* Romeo's own start-up check (SettingsCheck), so a bad combination never reaches a cluster. */}}
{{- $c := $v.romeo.calls -}}
{{- $connect := int64 $c.connectTimeout -}}
{{- $read := int64 $c.readTimeout -}}
{{- $deadline := include "romeo-juliet.durationMillis" $c.deadline | int64 -}}
{{- $delay := include "romeo-juliet.durationMillis" $c.retry.delay | int64 -}}
{{- $jitter := include "romeo-juliet.durationMillis" $c.retry.jitter | int64 -}}
{{- if le $read $connect -}}
{{- $errors = append $errors (printf "romeo.calls.readTimeout: %d ms must be longer than romeo.calls.connectTimeout (%d ms)" $read $connect) -}}
{{- end -}}
{{- if le $deadline (add $read $delay) -}}
{{- $errors = append $errors (printf "romeo.calls.deadline: %s must be longer than romeo.calls.readTimeout (%d ms) plus romeo.calls.retry.delay (%s), or no retry could ever start" $c.deadline $read $c.retry.delay) -}}
{{- end -}}
{{- if gt $jitter $delay -}}
{{- $errors = append $errors (printf "romeo.calls.retry.jitter: %s must be at most romeo.calls.retry.delay (%s)" $c.retry.jitter $c.retry.delay) -}}
{{- end -}}
{{- end -}}
{{- if $mesh.authorization.enabled -}}
{{- if not (or $mesh.istio.enabled $mesh.linkerd.enabled) -}}
{{- $errors = append $errors "serviceMesh.authorization.enabled: the identity policy needs the pods in a mesh; enable serviceMesh.istio.enabled or serviceMesh.linkerd.enabled" -}}
{{- end -}}
{{- if and $v.romeo.enabled (eq (include "romeo-juliet.serviceAccountName" (dict "app" "romeo" "context" .)) "default") -}}
{{- $errors = append $errors "romeo.serviceAccount.create: the identity policy admits Romeo by his ServiceAccount, and without one of his own he runs as default, which every pod of the namespace shares; create it or name one (romeo.serviceAccount.name)" -}}
{{- end -}}
{{- if and $v.routing.enabled (has (include "romeo-juliet.namespace" .) (include "romeo-juliet.routingNamespaces" . | fromJsonArray)) (not $mesh.authorization.routingServiceAccounts) -}}
{{- $errors = append $errors (printf "serviceMesh.authorization.routingServiceAccounts: the routing proxies run in the release namespace %s; name their ServiceAccounts, or the identity policy admits every identity of the namespace to Juliet" (include "romeo-juliet.namespace" .)) -}}
{{- end -}}
{{- if and $mesh.istio.enabled (eq (toString (get (merge (dict) $v.juliet.podAnnotations $v.commonAnnotations) "sidecar.istio.io/rewriteAppHTTPProbers")) "false") -}}
{{- $errors = append $errors "juliet.podAnnotations: sidecar.istio.io/rewriteAppHTTPProbers=false sends the kubelet's probes to Juliet's port, where STRICT mTLS refuses them; keep Istio's probe rewrite on" -}}
{{- end -}}
{{- end -}}
{{- if and $v.tracing.enabled (not $v.tracing.endpoint) -}}
{{- $errors = append $errors "tracing.endpoint: tracing.enabled=true needs the collector's OTLP endpoint (an http or https URL such as http://otel-collector.observability:4317); the services trace only when it is set" -}}
{{- end -}}
{{- if and $v.metrics.rules.enabled (not (has $v.metrics.discovery (list "serviceMonitor" "podMonitor"))) -}}
{{- $errors = append $errors (printf "metrics.rules.enabled: the rules read each target's version label, which only metrics.discovery=serviceMonitor or podMonitor sets (it is %s); set one of them, or switch the rules off" $v.metrics.discovery) -}}
{{- end -}}
{{- if $v.metrics.analysis.enabled -}}
{{- if not $v.metrics.rules.enabled -}}
{{- $errors = append $errors "metrics.analysis.enabled: the analysis queries the recording rules of the PrometheusRule; set metrics.rules.enabled=true" -}}
{{- end -}}
{{- if not (include "romeo-juliet.abVersions" .) -}}
{{- $errors = append $errors (printf "metrics.analysis.enabled: the analysis compares abTesting.canary (%s) with abTesting.stable (%s); enable both in juliet.variants" $v.abTesting.canary $v.abTesting.stable) -}}
{{- end -}}
{{- end -}}
{{- if and $v.networkPolicy.romeoEgress.enabled (not $v.networkPolicy.enabled) -}}
{{- $errors = append $errors "networkPolicy.romeoEgress.enabled: needs networkPolicy.enabled=true" -}}
{{- end -}}
{{- if and $v.namePrefix $v.fullnameOverride -}}
{{- $errors = append $errors "fullnameOverride: set namePrefix or fullnameOverride, not both; each puts its own text before every name" -}}
{{- end -}}
{{- if and (not .Values.fullnameOverride) (not (kindIs "string" .Values.namePrefix)) (not (regexMatch "^([a-z][-a-z0-9]*-)?$" (include "romeo-juliet.namePrefix" .))) -}}
{{- $errors = append $errors (printf "namePrefix: the names of release %q would not be valid Service names (a letter first, then lowercase letters, digits and dashes); set namePrefix (or fullnameOverride)" .Release.Name) -}}
{{- end -}}
{{- if $errors -}}
{{- fail (printf "\nVALUES VALIDATION:\n%s" (join "\n" $errors)) -}}
{{- end -}}
{{- end -}}

{{/*
Milliseconds in a duration of the form the schema allows (<n>ms or <n>s), so templates can compare them.
Usage: include "romeo-juliet.durationMillis" "2s" | int64
*/}}
{{- define "romeo-juliet.durationMillis" -}}
{{- $d := toString . -}}
{{- if hasSuffix "ms" $d -}}
{{- trimSuffix "ms" $d | int64 -}}
{{- else -}}
{{- mul (trimSuffix "s" $d | int64) 1000 -}}
{{- end -}}
{{- end -}}
