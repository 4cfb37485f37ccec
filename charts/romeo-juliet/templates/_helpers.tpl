{{/*
Prefixed object name, cut to the 63 characters Kubernetes allows for names and label values.
Usage: include "romeo-juliet.name" (dict "name" "juliet-service" "context" $)
*/}}
{{- define "romeo-juliet.name" -}}
{{- printf "%s%s" .context.Values.namePrefix .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
Juliet's Service (the article's juliet-service); it selects the variant servedVariant names.
*/}}
{{- define "romeo-juliet.julietServiceName" -}}
{{- include "romeo-juliet.name" (dict "name" .Values.juliet.service.name "context" .) -}}
{{- end -}}

{{/*
The variant juliet-service serves: the only enabled one, or abTesting.stable when several are deployed.
*/}}
{{- define "romeo-juliet.servedVariant" -}}
{{- $enabled := list -}}
{{- range $key, $variant := .Values.juliet.variants -}}
{{- if $variant.enabled }}{{ $enabled = append $enabled $key }}{{ end -}}
{{- end -}}
{{- if gt (len $enabled) 1 }}{{ .Values.abTesting.stable }}{{ else }}{{ first $enabled }}{{ end -}}
{{- end -}}

{{/*
The enabled variants' versions, comma-separated, in variant order.
*/}}
{{- define "romeo-juliet.julietVersions" -}}
{{- $versions := list -}}
{{- range $key, $variant := .Values.juliet.variants -}}
{{- if $variant.enabled }}{{ $versions = append $versions (toString $variant.version) }}{{ end -}}
{{- end -}}
{{- join "," (uniq $versions) -}}
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
ServiceAccount of the helm test pods. They run with it only when the mesh's identity policy is on: Juliet then
admits callers by identity, and this is the one the policy gives the test pods.
*/}}
{{- define "romeo-juliet.testServiceAccountName" -}}
{{- include "romeo-juliet.name" (dict "name" "romeo-juliet-test" "context" .) -}}
{{- end -}}

{{/*
Value of the app label of an app, prefixed so two releases in one namespace select only their own pods.
Usage: include "romeo-juliet.appLabel" (dict "app" "romeo" "context" $)
*/}}
{{- define "romeo-juliet.appLabel" -}}
{{- include "romeo-juliet.name" (dict "name" (get .context.Values .app).appLabel "context" .context) -}}
{{- end -}}

{{/*
Labels every object carries: the recommended app.kubernetes.io set plus env and version, then commonLabels.
The version is the variant's version label where there is one, else the app version. Given an app (and a
variant), the selector labels join them. The chart's own keys win over commonLabels, so a user label can
never repeat a key or change what a selector matches.
Usage: include "romeo-juliet.labels" (dict "component" "juliet" "version" "v1" "context" $)
       include "romeo-juliet.labels" (dict "app" "juliet" "variant" "v1" "version" "v1" "context" $)
*/}}
{{- define "romeo-juliet.labels" -}}
{{- $labels := dict
  "app.kubernetes.io/name" .context.Chart.Name
  "app.kubernetes.io/instance" (.context.Release.Name | trunc 63 | trimSuffix "-")
  "app.kubernetes.io/version" .context.Chart.AppVersion
  "app.kubernetes.io/managed-by" .context.Release.Service
  "app.kubernetes.io/part-of" "romeo-juliet"
  "helm.sh/chart" (printf "%s-%s" .context.Chart.Name .context.Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-")
  "env" (toString .context.Values.env)
  "version" (default .context.Chart.AppVersion .version | trunc 63 | trimSuffix "-")
-}}
{{- with .component }}{{ $_ := set $labels "app.kubernetes.io/component" . }}{{ end -}}
{{- if .app }}{{ $labels = merge (include "romeo-juliet.selectorLabels" . | fromYaml) $labels }}{{ end -}}
{{- toYaml (merge $labels .context.Values.commonLabels) -}}
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
Labels of an app's pods: every object's labels with the selector labels, the mesh opt-in, then the
variant's and the app's podLabels, which may add keys but never replace the chart's.
Usage: include "romeo-juliet.podLabels" (dict "app" "juliet" "variant" "v1" "version" "v1" "extraLabels" $variant.podLabels "context" $)
*/}}
{{- define "romeo-juliet.podLabels" -}}
{{- $labels := include "romeo-juliet.labels" . | fromYaml -}}
{{- if .context.Values.serviceMesh.istio.enabled -}}
{{- $_ := set $labels "sidecar.istio.io/inject" "true" -}}
{{- end -}}
{{- toYaml (merge $labels (default (dict) .extraLabels) (get .context.Values .app).podLabels) -}}
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
