package io.github.romeojuliet.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.romeojuliet.chart.NetworkPolicyEvaluator.Endpoint;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * metrics/service-monitor.yaml, metrics/pod-monitor.yaml and the scrape annotations: each way a cluster Prometheus
 * finds the apps selects exactly the app pods, once each, on the port that serves /q/metrics, passes the
 * Prometheus Operator's CRD schema, and gets through the NetworkPolicies.
 */
class MetricsDiscoveryTest {


    @Test
    void serviceMonitorsScrapeEveryVariantsPodsOnceEachWithTheirVersion() {
        Chart.Rendered r = Chart.render(Chart.example("service-monitor.yaml"), Map.of("juliet.variants.v2.enabled", true));
        assertThat(r.names("ServiceMonitor")).containsExactlyInAnyOrder("juliet", "romeo");
        List<String> scraped = new java.util.ArrayList<>();
        for (ObjectNode monitor : r.ofKind("ServiceMonitor")) {
            assertThat(KubeSchemas.validate(monitor)).isEmpty();
            assertThat(monitor.path("metadata").path("labels").path("release").asText()).isEqualTo("kube-prometheus-stack");
            assertThat(Chart.YAML.convertValue(monitor.path("spec").path("podTargetLabels"), List.class)).containsExactly("version", "variant");
            JsonNode endpoint = monitor.path("spec").path("endpoints").get(0);
            assertThat(endpoint.path("path").asText()).isEqualTo("/q/metrics");
            List<ObjectNode> services = r.ofKind("Service").stream().filter(s -> selects(monitor.path("spec").path("selector"),
                    Chart.strings(s.path("metadata").path("labels")))).toList();
            assertThat(services).as("Services behind ServiceMonitor " + Chart.Rendered.name(monitor)).isNotEmpty();
            for (ObjectNode service : services) {
                assertThat(service.path("spec").path("ports").findValuesAsText("name")).contains(endpoint.path("port").asText());
                Map<String, String> selector = Chart.strings(service.path("spec").path("selector"));
                r.pods().stream().filter(p -> !p.owner().startsWith("Pod/") && p.labels().entrySet().containsAll(selector.entrySet()))
                        .forEach(p -> scraped.add(p.owner()));
            }
        }
        assertThat(scraped).as("each app pod scraped once, the canary's included")
                .containsExactlyInAnyOrder("Deployment/juliet-v1", "Deployment/juliet-v2", "Deployment/romeo");
        Chart.Rendered sts = Chart.render(Chart.example("statefulset.yaml"), Map.of("metrics.discovery", "serviceMonitor", "networkPolicy.metricsScraper.enabled", true));
        assertThat(sts.ofKind("Service").stream().filter(s -> selects(sts.get("ServiceMonitor", "juliet").path("spec").path("selector"),
                        Chart.strings(s.path("metadata").path("labels")))).map(Chart.Rendered::name).toList())
                .as("with a StatefulSet neither juliet-service nor the headless Service is a second path to the same pods")
                .containsExactly("juliet-v1");
    }

    @Test
    void podMonitorsSelectTheAppPodsAndNotTheTestPods() {
        Chart.Rendered r = Chart.render(Map.of("metrics.discovery", "podMonitor", "networkPolicy.metricsScraper.enabled", true,
                "juliet.variants.v2.enabled", true));
        for (ObjectNode monitor : r.ofKind("PodMonitor")) {
            assertThat(KubeSchemas.validate(monitor)).isEmpty();
            List<String> owners = r.pods().stream().filter(p -> selects(monitor.path("spec").path("selector"), p.labels()))
                    .map(Chart.PodView::owner).toList();
            assertThat(owners).as("pods of PodMonitor " + Chart.Rendered.name(monitor)).isNotEmpty().noneMatch(o -> o.startsWith("Pod/"));
            assertThat(Chart.YAML.convertValue(monitor.path("spec").path("podTargetLabels"), List.class)).containsExactly("version", "variant");
            String port = monitor.path("spec").path("podMetricsEndpoints").get(0).path("port").asText();
            owners.forEach(o -> assertThat(r.pod(o).spec().path("containers").get(0).path("ports").findValuesAsText("name")).contains(port));
        }
        assertThat(r.names("PodMonitor")).containsExactlyInAnyOrder("juliet", "romeo");
        assertThat(r.ofKind("ServiceMonitor")).isEmpty();
    }

    @Test
    void annotationsPointAPlainPrometheusAtTheMetricsPort() {
        Chart.Rendered r = Chart.render(Map.of("metrics.discovery", "annotations", "networkPolicy.metricsScraper.enabled", true));
        for (String owner : List.of("Deployment/juliet-v1", "Deployment/romeo")) {
            Map<String, String> a = Chart.strings(r.pod(owner).template().path("metadata").path("annotations"));
            assertThat(a).containsEntry("prometheus.io/scrape", "true").containsEntry("prometheus.io/path", "/q/metrics")
                    .containsEntry("prometheus.io/port", "8080");
        }
        assertThat(r.ofKind("ServiceMonitor")).isEmpty();
        assertThat(r.ofKind("PodMonitor")).isEmpty();
        assertThat(Chart.strings(Chart.render().pod("Deployment/romeo").template().path("metadata").path("annotations")))
                .doesNotContainKey("prometheus.io/scrape");
    }

    @Test
    void underIstioTheAnnotationsStillLeadToTheAppsOwnPort() {
        // Istio's injector would rewrite prometheus.io/port to its merged metrics on 15020, which the
        // NetworkPolicy keeps shut; the chart turns the merging off so the scraper comes to 8080.
        Chart.Rendered r = Chart.render(Map.of("metrics.discovery", "annotations", "networkPolicy.metricsScraper.enabled", true,
                "serviceMesh.istio.enabled", true));
        for (String owner : new String[]{"Deployment/juliet-v1", "Deployment/romeo"}) {
            assertThat(Chart.strings(r.pod(owner).template().path("metadata").path("annotations")))
                    .containsEntry("prometheus.istio.io/merge-metrics", "false").containsEntry("prometheus.io/port", "8080");
        }
        assertThat(Chart.strings(Chart.render(Map.of("metrics.discovery", "annotations", "networkPolicy.metricsScraper.enabled", true))
                .pod("Deployment/juliet-v1").template().path("metadata").path("annotations"))).doesNotContainKey("prometheus.istio.io/merge-metrics");
    }

    @Test
    void theScraperReachesBothAppsUnderDefaultDeny() {
        Chart.Rendered r = Chart.render(Chart.example("service-monitor.yaml"));
        NetworkPolicyEvaluator np = new NetworkPolicyEvaluator(Chart.NAMESPACE, r.ofKind("NetworkPolicy"));
        Endpoint prometheus = Endpoint.pod("monitoring", Map.of("app.kubernetes.io/name", "prometheus"));
        for (String owner : List.of("Deployment/juliet-v1", "Deployment/romeo")) {
            assertThat(np.allows(prometheus, Endpoint.of(Chart.NAMESPACE, r.pod(owner)), 8080, "TCP")).as(owner).isTrue();
        }
    }

    /** A Prometheus Operator label selector: matchLabels plus the Exists/DoesNotExist expressions the chart uses. */
    private static boolean selects(JsonNode selector, Map<String, String> labels) {
        if (!labels.entrySet().containsAll(Chart.strings(selector.path("matchLabels")).entrySet())) {
            return false;
        }
        for (JsonNode e : selector.path("matchExpressions")) {
            boolean has = labels.containsKey(e.path("key").asText());
            boolean ok = switch (e.path("operator").asText()) {
                case "Exists" -> has;
                case "DoesNotExist" -> !has;
                default -> throw new AssertionError("operator not covered: " + e);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
