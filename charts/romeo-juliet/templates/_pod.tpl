{{/*
Pod pieces shared by Juliet's Deployments, Juliet's StatefulSet and Romeo's Deployment, so the hardening,
probes and sidecars cannot drift apart between the three workloads.
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
A security context block without the chart's own "enabled" switch; empty when switched off.
Usage: include "romeo-juliet.securityContext" .Values.juliet.containerSecurityContext
*/}}
{{- define "romeo-juliet.securityContext" -}}
{{- if .enabled -}}
{{- toYaml (omit . "enabled") -}}
{{- end -}}
{{- end -}}

{{/*
The sidecar containers of an app's pod: fluent-bit tails the app's log file from the shared "logs" volume,
the Prometheus agent scrapes the app over localhost and keeps its WAL on the "metrics" volume.
As native sidecars they carry restartPolicy Always, which makes them start before the app and outlive it.
Usage: include "romeo-juliet.sidecars" (dict "app" "juliet" "context" $)
*/}}
{{- define "romeo-juliet.sidecars" -}}
{{- $v := .context.Values -}}
{{- if $v.logSidecar.enabled }}
- name: log-sidecar
  image: {{ include "romeo-juliet.image" (dict "image" $v.logSidecar.image "context" .context) }}
  imagePullPolicy: {{ $v.logSidecar.image.pullPolicy }}
  {{- if $v.nativeSidecars }}
  restartPolicy: Always
  {{- end }}
  args:
    - --config=/fluent-bit/config/fluent-bit.conf
  {{- with (include "romeo-juliet.securityContext" $v.logSidecar.containerSecurityContext) }}
  securityContext:
    {{- . | nindent 4 }}
  {{- end }}
  {{- with (include "romeo-juliet.resources" (dict "resources" $v.logSidecar.resources "preset" $v.logSidecar.resourcesPreset)) }}
  resources:
    {{- . | nindent 4 }}
  {{- end }}
  volumeMounts:
    - name: logs
      mountPath: /var/log/{{ .app }}
      readOnly: true
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
  {{- with (include "romeo-juliet.securityContext" $v.metricsSidecar.containerSecurityContext) }}
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
{{- end -}}

{{/*
An app's pod template. The caller passes the app ("juliet" or "romeo"), for Juliet the variant key and its
values, and the env that only that app knows about.
Usage: include "romeo-juliet.podTemplate" (dict "app" "juliet" "variant" "v1" "version" "v1" "env" $envYaml "context" $)
*/}}
{{- define "romeo-juliet.podTemplate" -}}
{{- $v := .context.Values -}}
{{- $a := get $v .app -}}
{{- $sidecars := include "romeo-juliet.sidecars" (dict "app" .app "context" .context) -}}
metadata:
  labels:
    {{- include "romeo-juliet.podLabels" (dict "app" .app "variant" .variant "version" .version "context" .context) | nindent 4 }}
  {{- $annotations := merge (dict) $a.podAnnotations $v.commonAnnotations }}
  {{- if or $v.logSidecar.enabled $v.metricsSidecar.enabled }}
  {{- /* A changed sidecar config rolls the pods, since neither sidecar reloads its file. */}}
  {{- $_ := set $annotations "checksum/sidecar-config" (include (print .context.Template.BasePath "/sidecars/config-map.yaml") .context | sha256sum) }}
  {{- end }}
  {{- if $v.serviceMesh.linkerd.enabled }}
  {{- $_ := set $annotations "linkerd.io/inject" "enabled" }}
  {{- end }}
  {{- with $annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  serviceAccountName: {{ include "romeo-juliet.serviceAccountName" (dict "app" .app "context" .context) }}
  automountServiceAccountToken: {{ $a.serviceAccount.automountServiceAccountToken }}
  {{- with $v.global.imagePullSecrets }}
  imagePullSecrets:
    {{- range . }}
    - name: {{ . }}
    {{- end }}
  {{- end }}
  {{- with (include "romeo-juliet.securityContext" $a.podSecurityContext) }}
  securityContext:
    {{- . | nindent 4 }}
  {{- end }}
  {{- with $a.priorityClassName }}
  priorityClassName: {{ . }}
  {{- end }}
  terminationGracePeriodSeconds: {{ $a.terminationGracePeriodSeconds }}
  {{- with $a.nodeSelector }}
  nodeSelector:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $a.tolerations }}
  tolerations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $a.affinity }}
  affinity:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $a.topologySpreadConstraints }}
  topologySpreadConstraints:
    {{- tpl (toYaml .) $.context | nindent 4 }}
  {{- end }}
  {{- if and $v.nativeSidecars (trim $sidecars) }}
  initContainers:
    {{- $sidecars | indent 4 }}
  {{- end }}
  containers:
    - name: {{ .app }}
      image: {{ include "romeo-juliet.image" (dict "image" .image "flavored" true "context" .context) }}
      imagePullPolicy: {{ $a.image.pullPolicy }}
      ports:
        - name: http
          containerPort: 8080
          protocol: TCP
      env:
        - name: POD_NAME
          valueFrom:
            fieldRef:
              fieldPath: metadata.name
        {{- with .env }}
        {{- . | nindent 8 }}
        {{- end }}
        {{- if $v.logSidecar.enabled }}
        # The log sidecar reads /var/log/{{ .app }}/{{ .app }}.log, which the app writes only when asked to.
        - name: QUARKUS_LOG_FILE_ENABLED
          value: "true"
        {{- end }}
        {{- with $a.extraEnvVars }}
        {{- tpl (toYaml .) $.context | nindent 8 }}
        {{- end }}
        {{- with .extraEnv }}
        {{- tpl (toYaml .) $.context | nindent 8 }}
        {{- end }}
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
        {{- toYaml (omit $a.startupProbe "enabled") | nindent 8 }}
      {{- end }}
      {{- if $a.livenessProbe.enabled }}
      livenessProbe:
        httpGet:
          path: /q/health/live
          port: http
        {{- toYaml (omit $a.livenessProbe "enabled") | nindent 8 }}
      {{- end }}
      {{- if $a.readinessProbe.enabled }}
      readinessProbe:
        httpGet:
          path: /q/health/ready
          port: http
        {{- toYaml (omit $a.readinessProbe "enabled") | nindent 8 }}
      {{- end }}
      {{- with (include "romeo-juliet.securityContext" $a.containerSecurityContext) }}
      securityContext:
        {{- . | nindent 8 }}
      {{- end }}
      {{- with (include "romeo-juliet.resources" (dict "resources" $a.resources "preset" $a.resourcesPreset)) }}
      resources:
        {{- . | nindent 8 }}
      {{- end }}
      volumeMounts:
        # Quarkus and the JVM write temp files; the root filesystem stays read-only.
        - name: tmp
          mountPath: /tmp
        {{- if $v.logSidecar.enabled }}
        - name: logs
          mountPath: /var/log/{{ .app }}
        {{- end }}
    {{- if and (not $v.nativeSidecars) (trim $sidecars) }}
    {{- $sidecars | indent 4 }}
    {{- end }}
  volumes:
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
{{- end -}}

{{/*
Env of one Juliet variant: what the service reports and answers, then the variant's own extra env.
Usage: include "romeo-juliet.julietEnv" (dict "variant" $variantValues "context" $)
*/}}
{{- define "romeo-juliet.julietEnv" -}}
- name: JULIET_VERSION
  value: {{ .variant.version | quote }}
{{- with (default .context.Values.juliet.greeting .variant.greeting) }}
- name: JULIET_GREETING
  value: {{ . | quote }}
{{- end }}
{{- end -}}

{{/*
Image of one Juliet variant: its own tag or digest, falling back to juliet.image.
Usage: include "romeo-juliet.julietImage" (dict "variant" $variantValues "context" $) | fromYaml
*/}}
{{- define "romeo-juliet.julietImage" -}}
{{- $image := deepCopy .context.Values.juliet.image -}}
{{- with .variant.image -}}
{{- if .tag }}{{ $_ := set $image "tag" .tag }}{{ end -}}
{{- if .digest }}{{ $_ := set $image "digest" .digest }}{{ end -}}
{{- end -}}
{{- toYaml $image -}}
{{- end -}}

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

{{/*
Pod-level settings shared by the helm test pods: they run once, need no API token and are as locked down
as the apps, so they pass the same admission policies.
Usage: include "romeo-juliet.testPodSettings" $
*/}}
{{- define "romeo-juliet.testPodSettings" -}}
restartPolicy: Never
automountServiceAccountToken: false
{{- with .Values.global.imagePullSecrets }}
imagePullSecrets:
  {{- range . }}
  - name: {{ . }}
  {{- end }}
{{- end }}
securityContext:
  runAsNonRoot: true
  runAsUser: 1001
  seccompProfile:
    type: RuntimeDefault
{{- end -}}

{{/*
The curl container's image and security context, for the helm test pods.
Usage: include "romeo-juliet.testContainerSettings" $
*/}}
{{- define "romeo-juliet.testContainerSettings" -}}
image: {{ include "romeo-juliet.image" (dict "image" .Values.tests.image "context" .) }}
imagePullPolicy: {{ .Values.tests.image.pullPolicy }}
securityContext:
  allowPrivilegeEscalation: false
  readOnlyRootFilesystem: true
  capabilities:
    drop: ["ALL"]
{{- end -}}
