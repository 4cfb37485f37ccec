{{/*
The sidecar containers of an app's pod: fluent-bit tails the app's log file from the shared "logs" volume,
the Prometheus agent scrapes the app over localhost and keeps its WAL on the "metrics" volume.
As native sidecars they carry restartPolicy Always, which makes them start before the app and outlive it.
"native" picks the list being filled: true for initContainers, false for containers; the sidecars land in
the one nativeSidecars chooses and the other gets nothing.
Usage: include "romeo-juliet.sidecars" (dict "app" "juliet" "native" true "context" $)
*/}}
{{- define "romeo-juliet.sidecars" -}}
{{- $v := .context.Values -}}
{{- if eq (not .native) (not $v.nativeSidecars) }}
{{- if $v.logSidecar.enabled }}
- name: log-sidecar
  image: {{ include "romeo-juliet.image" (dict "image" $v.logSidecar.image "context" .context) }}
  imagePullPolicy: {{ $v.logSidecar.image.pullPolicy }}
  {{- if $v.nativeSidecars }}
  restartPolicy: Always
  {{- end }}
  args:
    - --config=/fluent-bit/config/fluent-bit.conf
  # Who this pod is, for the sidecar config's ${...} references: every record and sample names its pod.
  env:
    {{- include "romeo-juliet.sidecarEnv" (dict "app" .app "context" .context) | nindent 4 }}
  {{- with (include "romeo-juliet.securityContext" (dict "securityContext" $v.logSidecar.containerSecurityContext "context" .context)) }}
  securityContext:
    {{- . | nindent 4 }}
  {{- end }}
  {{- with (include "romeo-juliet.resources" (dict "resources" $v.logSidecar.resources "preset" $v.logSidecar.resourcesPreset)) }}
  resources:
    {{- . | nindent 4 }}
  {{- end }}
  volumeMounts:
    # Writable: fluent-bit keeps its read positions beside the logs, so a restarted sidecar resumes
    # where it stopped instead of losing or repeating lines.
    - name: logs
      mountPath: /var/log/{{ .app }}
    - name: log-sidecar-config
      mountPath: /fluent-bit/config
      readOnly: true
{{- end }}
{{- if $v.metricsSidecar.enabled }}
- name: metrics-sidecar
  image: {{ include "romeo-juliet.image" (dict "image" $v.metricsSidecar.image "context" .context) }}
  imagePullPolicy: {{ $v.metricsSidecar.image.pullPolicy }}
  {{- if $v.nativeSidecars }}
  restartPolicy: Always
  {{- end }}
  # Who this pod is, for the sidecar config's ${...} references: every record and sample names its pod.
  env:
    {{- include "romeo-juliet.sidecarEnv" (dict "app" .app "context" .context) | nindent 4 }}
  args:
    - --agent
    - --config.file=/etc/prometheus-agent/prometheus.yml
    - --storage.agent.path=/var/metrics/{{ .app }}
    - --web.listen-address=:9090
  ports:
    - name: agent
      containerPort: 9090
      protocol: TCP
  readinessProbe:
    httpGet:
      path: /-/ready
      port: agent
    periodSeconds: 10
  livenessProbe:
    httpGet:
      path: /-/healthy
      port: agent
    periodSeconds: 20
  {{- with (include "romeo-juliet.securityContext" (dict "securityContext" $v.metricsSidecar.containerSecurityContext "context" .context)) }}
  securityContext:
    {{- . | nindent 4 }}
  {{- end }}
  {{- with (include "romeo-juliet.resources" (dict "resources" $v.metricsSidecar.resources "preset" $v.metricsSidecar.resourcesPreset)) }}
  resources:
    {{- . | nindent 4 }}
  {{- end }}
  volumeMounts:
    - name: metrics
      mountPath: /var/metrics/{{ .app }}
    - name: metrics-sidecar-config
      mountPath: /etc/prometheus-agent
      readOnly: true
{{- end }}
{{- end }}
{{- end -}}

{{/*
Env of both sidecars from the downward API: the pod's name and version, and a Juliet pod's variant.
Usage: include "romeo-juliet.sidecarEnv" (dict "app" "juliet" "context" $)
*/}}
{{- define "romeo-juliet.sidecarEnv" -}}
- name: POD_NAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
- name: POD_VERSION
  valueFrom:
    fieldRef:
      fieldPath: metadata.labels['version']
{{- if eq .app "juliet" }}
- name: POD_VARIANT
  valueFrom:
    fieldRef:
      fieldPath: metadata.labels['variant']
{{- end }}
{{- end -}}

{{/*
Properties of the log sidecar's [OUTPUT]: the user's, over the chart's own defaults for that plugin only.
fluent-bit refuses to start on a property its plugin does not know, so no default reaches another plugin.
*/}}
{{- define "romeo-juliet.logOutputProperties" -}}
{{- $output := .Values.logSidecar.output -}}
{{- $defaults := dict "stdout" (dict "Format" "json_lines") -}}
{{- $properties := merge (dict) $output.properties -}}
{{- $userKeys := keys $properties | join "," | lower | splitList "," -}}
{{- range $key, $value := get $defaults $output.name | default (dict) -}}
{{- if not (has (lower $key) $userKeys) }}{{ $_ := set $properties $key $value }}{{ end -}}
{{- end -}}
{{- toYaml $properties -}}
{{- end -}}
