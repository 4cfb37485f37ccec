{{/*
Prefixed object name, cut to the 63 characters Kubernetes allows for names and label values.
Usage: include "romeo-juliet.name" (dict "name" "juliet-service" "context" $)
*/}}
{{- define "romeo-juliet.name" -}}
{{- printf "%s%s" (include "romeo-juliet.namePrefix" .context) .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
What goes before every name: fullnameOverride and a dash; else namePrefix when set ("" keeps the article's
names); else nothing for the release named firstReleaseName and the release's name and a dash for any other,
so a second release in the namespace never claims the first one's objects.
*/}}
{{- define "romeo-juliet.namePrefix" -}}
{{- if .Values.fullnameOverride -}}
{{- printf "%s-" .Values.fullnameOverride -}}
{{- else if kindIs "string" .Values.namePrefix -}}
{{- .Values.namePrefix -}}
{{- else if ne .Release.Name .Values.firstReleaseName -}}
{{- printf "%s-" (.Release.Name | trunc 19 | trimSuffix "-") -}}
{{- end -}}
{{- end -}}

{{/*
Namespace of every object: namespaceOverride, else the release's.
*/}}
{{- define "romeo-juliet.namespace" -}}
{{- default .Release.Namespace .Values.namespaceOverride -}}
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
  "app.kubernetes.io/name" (default .context.Chart.Name .context.Values.nameOverride | trunc 63 | trimSuffix "-")
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

{{/*
Ingress rules that admit the enabled mesh's own scrapers (networkPolicy.meshScrapers) to its proxy's ports,
each scraper to its own ports only. Empty without a mesh.
Usage: include "romeo-juliet.meshScraperRules" $
*/}}
{{- define "romeo-juliet.meshScraperRules" -}}
{{- $mesh := .Values.serviceMesh -}}
{{- $scrapers := list -}}
{{- if $mesh.linkerd.enabled }}{{ $scrapers = .Values.networkPolicy.meshScrapers.linkerd }}{{ end -}}
{{- if $mesh.istio.enabled }}{{ $scrapers = .Values.networkPolicy.meshScrapers.istio }}{{ end -}}
{{- range $scrapers }}
- from:
    - namespaceSelector:
        matchLabels:
          {{- toYaml .namespaceSelector | nindent 10 }}
      podSelector:
        matchLabels:
          {{- toYaml .podSelector | nindent 10 }}
  ports:
    {{- range .ports }}
    - port: {{ . }}
      protocol: TCP
    {{- end }}
{{- end }}
{{- end -}}

{{/*
One egress rule to the pods of a networkPolicy.romeoEgress destination, on their own ports.
Usage: include "romeo-juliet.egressPeerRule" .Values.networkPolicy.romeoEgress.remoteWrite
*/}}
{{- define "romeo-juliet.egressPeerRule" -}}
- to:
    - namespaceSelector:
        matchLabels:
          {{- toYaml .namespaceSelector | nindent 10 }}
      {{- with .podSelector }}
      podSelector:
        matchLabels:
          {{- toYaml . | nindent 10 }}
      {{- end }}
  ports:
    {{- range .ports }}
    - port: {{ . }}
      protocol: TCP
    {{- end }}
{{- end -}}

{{/*
"true" when the log sidecar's output sends over the network (anything but stdout and null).
*/}}
{{- define "romeo-juliet.logOutputLeavesThePod" -}}
{{- if and .Values.logSidecar.enabled (not (has .Values.logSidecar.output.name (list "stdout" "null"))) }}true{{ end -}}
{{- end -}}

{{/*
The ingress rule of networkPolicy.ingressNSMatchLabels and ingressNSPodMatchLabels, the same for Juliet and
Romeo: pods with those labels in namespaces with those labels (the release's namespace when only pod labels
are given). Empty when neither is set.
Usage: include "romeo-juliet.ingressNSRule" $
*/}}
{{- define "romeo-juliet.ingressNSRule" -}}
{{- $np := .Values.networkPolicy -}}
{{- if or $np.ingressNSMatchLabels $np.ingressNSPodMatchLabels -}}
- from:
    - namespaceSelector:
        matchLabels:
          {{- toYaml (default (dict "kubernetes.io/metadata.name" (include "romeo-juliet.namespace" .)) $np.ingressNSMatchLabels) | nindent 10 }}
      {{- with $np.ingressNSPodMatchLabels }}
      podSelector:
        matchLabels:
          {{- toYaml . | nindent 10 }}
      {{- end }}
  ports:
    - port: http
      protocol: TCP
{{- end -}}
{{- end -}}
