{{/*
Pieces every pod of the chart shares (Juliet's Deployments and StatefulSet, Romeo's Deployment), so hardening,
probes, scheduling and volumes cannot drift apart between workloads. Each pod template lists its own spec top
to bottom and calls these by name.
*/}}

{{/*
Requests and limits: an explicit resources map wins; otherwise a named preset. CPU limits are left out
on purpose: they throttle the JVM's JIT and GC threads long before a node is short of CPU.
Usage: include "romeo-juliet.resources" (dict "resources" .Values.juliet.resources "preset" .Values.juliet.resourcesPreset)
*/}}
{{- define "romeo-juliet.resources" -}}
{{- if .resources -}}
{{- toYaml .resources -}}
{{- else if ne .preset "none" -}}
{{- $presets := dict
  "nano"   (dict "requests" (dict "cpu" "50m" "memory" "64Mi") "limits" (dict "memory" "128Mi"))
  "micro"  (dict "requests" (dict "cpu" "100m" "memory" "128Mi") "limits" (dict "memory" "256Mi"))
  "small"  (dict "requests" (dict "cpu" "250m" "memory" "256Mi") "limits" (dict "memory" "512Mi"))
  "medium" (dict "requests" (dict "cpu" "500m" "memory" "512Mi") "limits" (dict "memory" "1Gi"))
  "large"  (dict "requests" (dict "cpu" "1" "memory" "1Gi") "limits" (dict "memory" "2Gi"))
-}}
{{- toYaml (get $presets .preset) -}}
{{- end -}}
{{- end -}}

{{/*
A security context block without the chart's own "enabled" switch; empty when switched off. On OpenShift
(global.compatibility.openshift.adaptSecurityContext) the user and group ids are left out: the restricted-v2
SCC refuses ids outside the namespace's range and assigns one itself.
Usage: include "romeo-juliet.securityContext" (dict "securityContext" .Values.juliet.containerSecurityContext "context" $)
*/}}
{{- define "romeo-juliet.securityContext" -}}
{{- if .securityContext.enabled -}}
{{- $sc := omit .securityContext "enabled" -}}
{{- if include "romeo-juliet.adaptToOpenShift" .context -}}
{{- $sc = omit $sc "runAsUser" "runAsGroup" "fsGroup" -}}
{{- end -}}
{{- with $sc }}{{ toYaml . }}{{ end -}}
{{- end -}}
{{- end -}}

{{/*
"true" when the security contexts are adapted to OpenShift: forced, or auto on a cluster that serves
security.openshift.io/v1 (the SCC API).
*/}}
{{- define "romeo-juliet.adaptToOpenShift" -}}
{{- $mode := .Values.global.compatibility.openshift.adaptSecurityContext -}}
{{- if or (eq $mode "force") (and (eq $mode "auto") (.Capabilities.APIVersions.Has "security.openshift.io/v1")) }}true{{ end -}}
{{- end -}}

{{/*
Pod annotations of an app: its own and the common ones, a checksum of the sidecar configs (neither sidecar
reloads its file, so a changed config must roll the pods), the Linkerd opt-in and the prometheus.io scrape
hints when metrics.discovery is "annotations" (under Istio, with its metrics merging off, so the scraper comes
to /q/metrics on port 8080, where the NetworkPolicy and the mesh policy admit it).
Usage: include "romeo-juliet.podAnnotations" (dict "app" "juliet" "context" $)
*/}}
{{- define "romeo-juliet.podAnnotations" -}}
{{- $v := .context.Values -}}
{{- $annotations := merge (dict) (get $v .app).podAnnotations $v.commonAnnotations -}}
{{- if or $v.logSidecar.enabled $v.metricsSidecar.enabled -}}
{{- $_ := set $annotations "checksum/sidecar-config" (include (print .context.Template.BasePath "/sidecars/config-map.yaml") .context | sha256sum) -}}
{{- end -}}
{{- if $v.serviceMesh.linkerd.enabled -}}
{{- $_ := set $annotations "linkerd.io/inject" "enabled" -}}
{{- end -}}
{{- if eq $v.metrics.discovery "annotations" -}}
{{- $_ := set $annotations "prometheus.io/scrape" "true" -}}
{{- $_ := set $annotations "prometheus.io/path" "/q/metrics" -}}
{{- $_ := set $annotations "prometheus.io/port" "8080" -}}
{{- if $v.serviceMesh.istio.enabled -}}
{{- /* Istio's injector would point these at its merged metrics on port 15020, open only to networkPolicy.meshScrapers. */}}
{{- $_ := set $annotations "prometheus.istio.io/merge-metrics" "false" -}}
{{- end -}}
{{- end -}}
{{- with $annotations -}}
{{- toYaml . -}}
{{- end -}}
{{- end -}}

{{/*
Pod-level settings of an app: identity, pull secrets, security context, shutdown budget and scheduling.
A Juliet variant passes its key and its own nodeSelector, which wins over the app's.
Usage: include "romeo-juliet.podSettings" (dict "app" "juliet" "variant" "v1" "nodeSelector" $variant.nodeSelector "context" $)
*/}}
{{- define "romeo-juliet.podSettings" -}}
{{- $v := .context.Values -}}
{{- $a := get $v .app -}}
serviceAccountName: {{ include "romeo-juliet.serviceAccountName" (dict "app" .app "context" .context) }}
automountServiceAccountToken: {{ $a.serviceAccount.automountServiceAccountToken }}
{{- with $v.global.imagePullSecrets }}
imagePullSecrets:
  {{- range . }}
  - name: {{ . }}
  {{- end }}
{{- end }}
{{- with (include "romeo-juliet.securityContext" (dict "securityContext" $a.podSecurityContext "context" .context)) }}
securityContext:
  {{- . | nindent 2 }}
{{- end }}
{{- with $a.priorityClassName }}
priorityClassName: {{ . }}
{{- end }}
terminationGracePeriodSeconds: {{ $a.terminationGracePeriodSeconds }}
{{- with (merge (dict) (default (dict) .nodeSelector) $a.nodeSelector) }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $a.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $a.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with $a.topologySpreadConstraints }}
{{- /* A constraint without labelSelector counts the pods of its own variant (or of Romeo), not the whole app. */}}
{{- $selector := dict "matchLabels" (include "romeo-juliet.selectorLabels" (dict "app" $.app "variant" $.variant "context" $.context) | fromYaml) }}
topologySpreadConstraints:
  {{- range . }}
  - {{ tpl (toYaml (merge (deepCopy .) (dict "labelSelector" $selector))) $.context | indent 4 | trim }}
  {{- end }}
{{- end }}
{{- end -}}

{{/*
Env every app container gets after its own: file logging for the log sidecar, the tracing settings, then the
user's extra env (the app's, then the variant's), which may override any of them.
Usage: include "romeo-juliet.appEnv" (dict "app" "juliet" "extraEnv" $variant.extraEnvVars "context" $)
*/}}
{{- define "romeo-juliet.appEnv" -}}
{{- $v := .context.Values -}}
{{- $a := get $v .app -}}
{{- if $v.logSidecar.enabled }}
# The log sidecar reads /var/log/{{ .app }}/{{ .app }}.log, which the app writes only when asked to.
- name: QUARKUS_LOG_FILE_ENABLED
  value: "true"
# The file is then the one stream of the app's log: a console copy would reach kubectl logs and a node
# collector a second time.
- name: QUARKUS_LOG_CONSOLE_ENABLED
  value: "false"
{{- end }}
{{- include "romeo-juliet.tracingEnv" .context }}
{{- with $a.extraEnvVars }}
{{ tpl (toYaml .) $.context }}
{{- end }}
{{- with .extraEnv }}
{{ tpl (toYaml .) $.context }}
{{- end }}
{{- end -}}

{{/*
The rest of an app container after its env: envFrom, the Quarkus health probes, security context, resources
and mounts.
A Juliet variant passes its own resources, which win over the app's resources and preset.
Usage: include "romeo-juliet.appContainerSettings" (dict "app" "juliet" "resources" $variant.resources "context" $)
*/}}
{{- define "romeo-juliet.appContainerSettings" -}}
{{- $v := .context.Values -}}
{{- $a := get $v .app -}}
{{- if or $a.extraEnvVarsCM $a.extraEnvVarsSecret }}
envFrom:
  {{- with $a.extraEnvVarsCM }}
  - configMapRef:
      name: {{ . }}
  {{- end }}
  {{- with $a.extraEnvVarsSecret }}
  - secretRef:
      name: {{ . }}
  {{- end }}
{{- end }}
{{- if $a.startupProbe.enabled }}
startupProbe:
  httpGet:
    path: /q/health/started
    port: http
  {{- toYaml (omit $a.startupProbe "enabled") | nindent 2 }}
{{- end }}
{{- if $a.livenessProbe.enabled }}
livenessProbe:
  httpGet:
    path: /q/health/live
    port: http
  {{- toYaml (omit $a.livenessProbe "enabled") | nindent 2 }}
{{- end }}
{{- if $a.readinessProbe.enabled }}
readinessProbe:
  httpGet:
    path: /q/health/ready
    port: http
  {{- toYaml (omit $a.readinessProbe "enabled") | nindent 2 }}
{{- end }}
{{- with (include "romeo-juliet.securityContext" (dict "securityContext" $a.containerSecurityContext "context" .context)) }}
securityContext:
  {{- . | nindent 2 }}
{{- end }}
{{- with (include "romeo-juliet.resources" (dict "resources" (default $a.resources .resources) "preset" $a.resourcesPreset)) }}
resources:
  {{- . | nindent 2 }}
{{- end }}
{{- if $a.lifecycle }}
lifecycle:
  {{- tpl (toYaml $a.lifecycle) .context | nindent 2 }}
{{- else if $a.shutdown.preStopSleepSeconds }}
# Kubernetes' own sleep: the image needs no sleep binary (the native image has none).
lifecycle:
  preStop:
    sleep:
      seconds: {{ $a.shutdown.preStopSleepSeconds }}
{{- end }}
volumeMounts:
  # Quarkus and the JVM write temp files; the root filesystem stays read-only.
  - name: tmp
    mountPath: /tmp
  {{- if $v.logSidecar.enabled }}
  - name: logs
    mountPath: /var/log/{{ .app }}
  {{- end }}
  {{- with $a.extraVolumeMounts }}
  {{- tpl (toYaml .) $.context | nindent 2 }}
  {{- end }}
{{- end -}}

{{/*
Volumes of an app's pod: /tmp, and what the sidecars share with the app.
Usage: include "romeo-juliet.podVolumes" (dict "app" "juliet" "context" $)
*/}}
{{- define "romeo-juliet.podVolumes" -}}
{{- $v := .context.Values -}}
- name: tmp
  emptyDir: {}
{{- if $v.logSidecar.enabled }}
- name: logs
  emptyDir:
    sizeLimit: 256Mi
- name: log-sidecar-config
  configMap:
    name: {{ include "romeo-juliet.name" (dict "name" (printf "%s-fluent-bit" .app) "context" .context) }}
{{- end }}
{{- if $v.metricsSidecar.enabled }}
- name: metrics
  emptyDir:
    sizeLimit: 512Mi
- name: metrics-sidecar-config
  configMap:
    name: {{ include "romeo-juliet.name" (dict "name" (printf "%s-prometheus-agent" .app) "context" .context) }}
{{- end }}
{{- with (get $v .app).extraVolumes }}
{{ tpl (toYaml .) $.context }}
{{- end }}
{{- end -}}

{{/*
The Quarkus graceful shutdown settings from an app's shutdown block (see values.yaml), in the form Quarkus
reads them from the environment.
Usage: include "romeo-juliet.shutdownEnv" .Values.juliet.shutdown
*/}}
{{- define "romeo-juliet.shutdownEnv" -}}
- name: QUARKUS_SHUTDOWN_DELAY
  value: {{ printf "%ds" (int .delaySeconds) | quote }}
- name: QUARKUS_SHUTDOWN_TIMEOUT
  value: {{ printf "%ds" (int .timeoutSeconds) | quote }}
{{- end -}}
