{{/*
The recording and alerting rules of an A/B test: the PrometheusRule's spec, and what `make rules` prints as a
plain Prometheus rules file. Recording rules keep (namespace, version) only, so the canary and stable sides of
a comparison match on namespace alone; Romeo's view turns juliet_version into version to share that label.
An error ratio counts a variant without any error series as 0, not as missing ("or ... * 0").
With metrics.rules.namespaced every selector reads the release's namespace only, so releases in other
namespaces, each with its own rules, never record the same series twice.
*/}}
{{- define "romeo-juliet.ruleGroups" -}}
{{- $r := .Values.metrics.rules -}}
{{- $w := $r.window -}}
{{- $a := $r.alerts -}}
{{- $m := $r.namespaced | ternary (printf "namespace=%q," (include "romeo-juliet.namespace" .)) "" -}}
{{- $all := empty $m | ternary "" (printf "{%s}" (trimSuffix "," $m)) -}}
{{- $romeo := printf "label_replace(rate(romeo_juliet_calls_seconds_%%s{%sjuliet_version!=\"none\"%%s}[%s]), \"version\", \"$1\", \"juliet_version\", \"(.*)\")" $m $w -}}
groups:
  - name: romeo-juliet.variants
    rules:
      - record: version:juliet_greetings:rate
        expr: sum by (namespace, version) (rate(juliet_greeting_seconds_count{{ $all }}[{{ $w }}]))
      - record: version:juliet_greetings_errors:ratio
        expr: |-
          sum by (namespace, version) (
            rate(juliet_greeting_seconds_count{ {{- $m }}status="5xx"}[{{ $w }}]) or rate(juliet_greeting_seconds_count{{ $all }}[{{ $w }}]) * 0
          )
            / sum by (namespace, version) (rate(juliet_greeting_seconds_count{{ $all }}[{{ $w }}]))
      {{- range $q := list "50" "99" }}
      - record: version:juliet_greeting_seconds:p{{ $q }}
        expr: histogram_quantile(0.{{ $q }}, sum by (namespace, version, le) (rate(juliet_greeting_seconds_bucket{{ $all }}[{{ $w }}])))
      {{- end }}
      - record: version:romeo_juliet_calls:rate
        expr: sum by (namespace, version) ({{ printf $romeo "count" "" }})
      - record: version:romeo_juliet_calls_errors:ratio
        expr: |-
          sum by (namespace, version) (
            {{ printf $romeo "count" ",outcome!=\"success\"" }} or {{ printf $romeo "count" "" }} * 0
          )
            / sum by (namespace, version) ({{ printf $romeo "count" "" }})
      {{- range $q := list "50" "99" }}
      - record: version:romeo_juliet_calls_seconds:p{{ $q }}
        expr: histogram_quantile(0.{{ $q }}, sum by (namespace, version, le) ({{ printf $romeo "bucket" "" }}))
      {{- end }}
  - name: romeo-juliet.alerts
    rules:
      {{- $expr := include "romeo-juliet.alertExprs" (dict "context" . "versions" (include "romeo-juliet.abVersions" . | fromYaml) "matchers" $m) | fromYaml }}
      - alert: JulietVariantErrorRatioHigh
        expr: {{ $expr.JulietVariantErrorRatioHigh }}
        for: {{ $a.variantErrorRatio.for }}
        labels:
          severity: {{ $a.variantErrorRatio.severity }}
        annotations:
          summary: Juliet {{ "{{ $labels.version }}" }} answers more than {{ $a.variantErrorRatio.threshold }} of her greetings with a 5xx
      - alert: JulietVariantLatencyHigh
        expr: {{ $expr.JulietVariantLatencyHigh }}
        for: {{ $a.variantLatency.for }}
        labels:
          severity: {{ $a.variantLatency.severity }}
        annotations:
          summary: Juliet {{ "{{ $labels.version }}" }} takes more than {{ $a.variantLatency.thresholdSeconds }}s for 1 greeting in 100
      {{- with (include "romeo-juliet.abVersions" . | fromYaml) }}
      - alert: JulietCanaryErrorRatioWorse
        expr: {{ $expr.JulietCanaryErrorRatioWorse | toYaml | indent 10 | trim }}
        for: {{ $a.canaryErrorRatio.for }}
        labels:
          severity: {{ $a.canaryErrorRatio.severity }}
        annotations:
          summary: Canary Juliet {{ .canary }} errs more than {{ $a.canaryErrorRatio.factor }} times as often as stable {{ .stable }}
      - alert: JulietCanaryLatencyWorse
        expr: {{ $expr.JulietCanaryLatencyWorse | toYaml | indent 10 | trim }}
        for: {{ $a.canaryLatency.for }}
        labels:
          severity: {{ $a.canaryLatency.severity }}
        annotations:
          summary: Canary Juliet {{ .canary }}'s p99 is more than {{ $a.canaryLatency.marginSeconds }}s above stable {{ .stable }}'s
      {{- end }}
      - alert: RomeoCircuitOpen
        expr: {{ $expr.RomeoCircuitOpen }}
        for: {{ $a.circuitOpen.for }}
        labels:
          severity: {{ $a.circuitOpen.severity }}
        annotations:
          summary: Romeo's circuit to Juliet is open in {{ "{{ $labels.pod }}" }}; his calls fail fast
{{- end -}}

{{/*
The alerts' expressions by alert name (YAML), shared by the PrometheusRule and the AnalysisTemplate so both
judge alike. versions: stable and canary (or empty: no canary comparisons). matchers: label matchers every
selector gets, e.g. `namespace="shop",`, or empty (a Prometheus whose targets carry no namespace).
variant: the one version the per-variant expressions look at (the analysis' canary), or empty for all.
Usage: include "romeo-juliet.alertExprs" (dict "context" $ "versions" $versions "matchers" "" "variant" "") | fromYaml
*/}}
{{- define "romeo-juliet.alertExprs" -}}
{{- $a := .context.Values.metrics.rules.alerts -}}
{{- $m := default "" .matchers -}}
{{- $each := "" -}}
{{- if or $m .variant }}{{ $each = printf "{%s%s}" $m (.variant | empty | ternary "" (printf "version=%q" (toString .variant))) | replace ",}" "}" }}{{ end -}}
JulietVariantErrorRatioHigh: {{ printf "version:juliet_greetings_errors:ratio%s > %v" $each $a.variantErrorRatio.threshold | quote }}
JulietVariantLatencyHigh: {{ printf "version:juliet_greeting_seconds:p99%s > %v" $each $a.variantLatency.thresholdSeconds | quote }}
{{- with .versions }}
{{- $canary := printf "{%sversion=%q}" $m (toString .canary) -}}
{{- $stable := printf "{%sversion=%q}" $m (toString .stable) }}
JulietCanaryErrorRatioWorse: {{ printf "version:juliet_greetings_errors:ratio%s\n  > ignoring (version) group_left %v * version:juliet_greetings_errors:ratio%s\nand version:juliet_greetings_errors:ratio%s > %v" $canary $a.canaryErrorRatio.factor $stable $canary $a.canaryErrorRatio.floor | quote }}
JulietCanaryLatencyWorse: {{ printf "version:juliet_greeting_seconds:p99%s\n  - ignoring (version) group_left version:juliet_greeting_seconds:p99%s\n> %v" $canary $stable $a.canaryLatency.marginSeconds | quote }}
{{- end }}
RomeoCircuitOpen: {{ printf "romeo_juliet_circuit_state{%sstate=%q} == 1" $m "open" | quote }}
{{- end -}}

{{/*
The stable and canary versions (YAML: stable, canary) when both variants are deployed, else nothing: the
comparisons of the rules, the dashboard and the analysis need both sides.
*/}}
{{- define "romeo-juliet.abVersions" -}}
{{- $variants := .Values.juliet.variants -}}
{{- $stable := get $variants .Values.abTesting.stable | default dict -}}
{{- $canary := get $variants .Values.abTesting.canary | default dict -}}
{{- if and $stable.enabled $canary.enabled (ne .Values.abTesting.stable .Values.abTesting.canary) }}
stable: {{ $stable.version | quote }}
canary: {{ $canary.version | quote }}
{{- end -}}
{{- end -}}
