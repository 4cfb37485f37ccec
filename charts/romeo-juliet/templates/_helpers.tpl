{{/*
Prefixed object name, cut to the 63 characters Kubernetes allows for names and label values.
Usage: include "romeo-juliet.name" (dict "name" "juliet-service" "context" $)
*/}}
{{- define "romeo-juliet.name" -}}
{{- printf "%s%s" .context.Values.namePrefix .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
Juliet's Service that selects every variant (the article's juliet-service).
*/}}
{{- define "romeo-juliet.julietServiceName" -}}
{{- include "romeo-juliet.name" (dict "name" .Values.juliet.service.name "context" .) -}}
{{- end -}}

{{/*
Per-variant object name: the Deployment, Service, PDB and HPA of variant v2 are all juliet-v2.
Usage: include "romeo-juliet.julietVariantName" (dict "variant" "v2" "context" $)
*/}}
{{- define "romeo-juliet.julietVariantName" -}}
{{- include "romeo-juliet.name" (dict "name" (printf "juliet-%s" .variant) "context" .context) -}}
{{- end -}}

{{/*
Headless Service that gives StatefulSet pods their stable DNS names.
*/}}
{{- define "romeo-juliet.julietHeadlessName" -}}
{{- include "romeo-juliet.name" (dict "name" .Values.juliet.headlessService.name "context" .) -}}
{{- end -}}

{{/*
Romeo's Deployment name.
*/}}
{{- define "romeo-juliet.romeoName" -}}
{{- include "romeo-juliet.name" (dict "name" "romeo" "context" .) -}}
{{- end -}}

{{/*
Romeo's Service name.
*/}}
{{- define "romeo-juliet.romeoServiceName" -}}
{{- include "romeo-juliet.name" (dict "name" .Values.romeo.service.name "context" .) -}}
{{- end -}}

{{/*
ServiceAccount of an app: the configured name, else the app's name (prefixed), else "default" when not created.
Usage: include "romeo-juliet.serviceAccountName" (dict "app" "juliet" "context" $)
*/}}
{{- define "romeo-juliet.serviceAccountName" -}}
{{- $sa := (get .context.Values .app).serviceAccount -}}
{{- if $sa.name -}}
{{- $sa.name -}}
{{- else if $sa.create -}}
{{- include "romeo-juliet.name" (dict "name" .app "context" .context) -}}
{{- else -}}
default
{{- end -}}
{{- end -}}

{{/*
Value of the app label of an app, prefixed so two releases in one namespace select only their own pods.
Usage: include "romeo-juliet.appLabel" (dict "app" "romeo" "context" $)
*/}}
{{- define "romeo-juliet.appLabel" -}}
{{- include "romeo-juliet.name" (dict "name" (get .context.Values .app).appLabel "context" .context) -}}
{{- end -}}

{{/*
Labels every object carries: the recommended app.kubernetes.io set plus env and version.
The version is the variant's version label where there is one, else the app version.
Usage: include "romeo-juliet.labels" (dict "component" "juliet" "version" "v1" "context" $)
*/}}
{{- define "romeo-juliet.labels" -}}
app.kubernetes.io/name: {{ .context.Chart.Name }}
app.kubernetes.io/instance: {{ .context.Release.Name | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/version: {{ .context.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .context.Release.Service }}
app.kubernetes.io/part-of: romeo-juliet
{{- with .component }}
app.kubernetes.io/component: {{ . }}
{{- end }}
helm.sh/chart: {{ printf "%s-%s" .context.Chart.Name .context.Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
env: {{ .context.Values.env | quote }}
version: {{ default .context.Chart.AppVersion .version | trunc 63 | trimSuffix "-" | quote }}
{{- with .context.Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/*
Labels a selector may use: they never change over a release's life (Deployment selectors are immutable).
The variant narrows the selection to one Juliet variant; without it, all variants match.
Usage: include "romeo-juliet.selectorLabels" (dict "app" "juliet" "variant" "v1" "context" $)
*/}}
{{- define "romeo-juliet.selectorLabels" -}}
app: {{ include "romeo-juliet.appLabel" . }}
app.kubernetes.io/component: {{ .app }}
{{- with .variant }}
variant: {{ . }}
{{- end }}
{{- end -}}

{{/*
Labels of an app's pods: the selector labels (which carry the component) plus the rest, version included.
Usage: include "romeo-juliet.podLabels" (dict "app" "juliet" "variant" "v1" "version" "v1" "context" $)
*/}}
{{- define "romeo-juliet.podLabels" -}}
{{ include "romeo-juliet.labels" (dict "version" .version "context" .context) }}
{{ include "romeo-juliet.selectorLabels" . }}
{{- with (get .context.Values .app).podLabels }}
{{ toYaml . }}
{{- end }}
{{- if .context.Values.serviceMesh.istio.enabled }}
sidecar.istio.io/inject: "true"
{{- end }}
{{- end -}}

{{/*
Full image reference: global registry override, digest over tag, tag defaulting to the app version,
and the -native suffix for the native flavour of the services' images.
Usage: include "romeo-juliet.image" (dict "image" .Values.juliet.image "flavored" true "context" $)
*/}}
{{- define "romeo-juliet.image" -}}
{{- $registry := default .image.registry .context.Values.global.imageRegistry -}}
{{- $ref := printf "%s/%s" $registry .image.repository -}}
{{- if .image.digest -}}
{{- printf "%s@%s" $ref .image.digest -}}
{{- else -}}
{{- $tag := default .context.Chart.AppVersion .image.tag -}}
{{- if and .flavored (eq .context.Values.global.imageFlavor "native") (not (hasSuffix "-native" $tag)) -}}
{{- $tag = printf "%s-native" $tag -}}
{{- end -}}
{{- printf "%s:%s" $ref $tag -}}
{{- end -}}
{{- end -}}
