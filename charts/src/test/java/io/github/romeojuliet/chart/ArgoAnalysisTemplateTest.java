package io.github.romeojuliet.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * metrics.analysis: the AnalysisTemplate passes Argo Rollouts' published schema, and judges the canary with the
 * PrometheusRule's own alert expressions, narrowed to the release's namespace and to the canary.
 */
class ArgoAnalysisTemplateTest {

    private static final Map<String, String> ALERT_OF_METRIC = Map.of(
            "canary-error-ratio", "JulietVariantErrorRatioHigh",
            "canary-latency", "JulietVariantLatencyHigh",
            "canary-error-ratio-against-stable", "JulietCanaryErrorRatioWorse",
            "canary-latency-against-stable", "JulietCanaryLatencyWorse");

    private final Chart.Rendered verdict = Chart.render(Chart.example("ab-verdict.yaml"));

    @Test
    void theTemplatePassesArgoRolloutsSchemaAndABrokenOneDoesNot() {
        ArgoSchemas.unavailable().ifPresent(reason -> Assumptions.abort(reason + ": skipped"));
        ObjectNode template = verdict.get("AnalysisTemplate", "juliet-canary");
        assertThat(ArgoSchemas.validate(template)).contains(List.of());

        ObjectNode broken = template.deepCopy();
        ObjectNode metric = (ObjectNode) broken.path("spec").path("metrics").get(1);
        metric.put("successCondition", 0);
        metric.remove("name");
        ((ObjectNode) metric.path("provider").path("prometheus")).put("adress", "http://typo:9090");
        assertThat(ArgoSchemas.validate(broken).orElseThrow()).anySatisfy(m -> assertThat(m).contains("successCondition"))
                .anySatisfy(m -> assertThat(m).contains("name"))
                .anySatisfy(m -> assertThat(m).contains("adress is not a field of PrometheusMetric"));
    }

    @Test
    void eachMetricRunsItsAlertsExpressionOnTheCanaryOfThisNamespace() {
        ObjectNode template = verdict.get("AnalysisTemplate", "juliet-canary");
        Map<String, String> args = new HashMap<>();
        template.path("spec").path("args").forEach(a -> args.put(a.path("name").asText(), a.path("value").asText()));
        assertThat(args).containsEntry("stable-version", "v1").containsEntry("canary-version", "v2");
        Map<String, String> alerts = new HashMap<>();
        for (JsonNode group : verdict.ofKind("PrometheusRule").get(0).path("spec").path("groups")) {
            group.path("rules").forEach(r -> alerts.put(r.path("alert").asText(), r.path("expr").asText()));
        }

        List<String> judged = new java.util.ArrayList<>();
        for (JsonNode metric : template.path("spec").path("metrics")) {
            String query = metric.path("provider").path("prometheus").path("query").asText();
            assertThat(metric.path("provider").path("prometheus").path("address").asText())
                    .isEqualTo("http://kube-prometheus-stack-prometheus.monitoring.svc:9090");
            String alert = ALERT_OF_METRIC.get(metric.path("name").asText());
            if (alert == null) {
                assertThat(query).isEqualTo("version:juliet_greetings:rate{namespace=\"default\",version=\"{{args.canary-version}}\"}");
                continue;
            }
            judged.add(alert);
            assertThat(metric.path("successCondition").asText()).isEqualTo("len(result) == 0");
            String canary = "{namespace=\"default\",version=\"{{args.canary-version}}\"}";
            String expected = alerts.get(alert).replace("version=\"v2\"", "version=\"{{args.canary-version}}\"")
                    .replace("version=\"v1\"", "version=\"{{args.stable-version}}\"");
            if (alert.startsWith("JulietVariant")) {
                // The rule watches every variant of the namespace; the analysis, the canary alone.
                expected = expected.replace("{namespace=\"default\"}", canary);
            }
            assertThat(query).as(metric.path("name").asText()).isEqualTo(expected);
        }
        assertThat(judged).containsExactlyInAnyOrderElementsOf(ALERT_OF_METRIC.values());
    }

    @Test
    void offByDefault() {
        assertThat(Chart.render().ofKind("AnalysisTemplate")).isEmpty();
    }
}
