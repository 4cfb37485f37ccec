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
{{- if $v.abTesting.enabled -}}
{{- if not $v.routing.enabled -}}
{{- $errors = append $errors "abTesting.enabled: A/B testing needs routing.enabled=true (an Ingress controller or Gateway does the split)" -}}
{{- end -}}
{{- if not (has $v.abTesting.stable $enabled) -}}
{{- $errors = append $errors (printf "abTesting.stable: %q is not an enabled variant in juliet.variants (enabled: %s)" $v.abTesting.stable (join ", " $enabled)) -}}
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
{{- range $name, $p := $v.routing.paths -}}
{{- if eq $p.path $v.routing.julietPath -}}
{{- $errors = append $errors (printf "routing.paths.%s.path: %s is already routing.julietPath" $name $p.path) -}}
{{- end -}}
{{- end -}}
{{- if and $v.networkPolicy.romeoEgress.enabled (not $v.networkPolicy.enabled) -}}
{{- $errors = append $errors "networkPolicy.romeoEgress.enabled: needs networkPolicy.enabled=true" -}}
{{- end -}}
{{- if $errors -}}
{{- fail (printf "\nVALUES VALIDATION:\n%s" (join "\n" $errors)) -}}
{{- end -}}
{{- end -}}
