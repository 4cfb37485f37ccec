package io.github.romeojuliet.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** routing/ingress.yaml: the article's internal Ingress and the ingress-nginx canary Ingress for A/B. */
class IngressTemplateTest {

    private static final String NGINX = "nginx.ingress.kubernetes.io/";

    @Test
    void noRoutingMeansNoIngress() {
        assertThat(Chart.render().ofKind("Ingress")).isEmpty();
    }

    @Test
    void theArticlesPathRoutesGoToTheConfiguredBackends() {
        ObjectNode ingress = Chart.render(Chart.example("path-routes.yaml")).get("Ingress", "internal-ingress");
        assertThat(ingress.path("spec").path("ingressClassName").asText()).isEqualTo("nginx-internal");
        assertThat(paths(ingress)).containsExactly(
                "/service-a -> juliet-service:80", "/service-b -> romeo-service:80", "/romeo-please-call-me -> juliet-service:80");
    }

    @Test
    void abByWeightPutsTheWeightsOnTheCanaryIngress() {
        Chart.Rendered r = Chart.render(Chart.example("ab-weight.yaml"));
        assertThat(paths(r.get("Ingress", "internal-ingress"))).containsExactly("/romeo-please-call-me -> juliet-v1:80");
        ObjectNode canary = r.get("Ingress", "internal-ingress-canary");
        assertThat(paths(canary)).containsExactly("/romeo-please-call-me -> juliet-v2:80");
        Map<String, String> a = Chart.strings(canary.path("metadata").path("annotations"));
        assertThat(a).containsEntry(NGINX + "canary", "true")
                .containsEntry(NGINX + "canary-weight", "20")
                .containsEntry(NGINX + "canary-weight-total", "100")
                .doesNotContainKeys(NGINX + "canary-by-header", NGINX + "canary-by-cookie");
    }

    @Test
    void abByHeaderLeavesAlwaysAndNeverToIngressNginx() {
        Map<String, String> a = canaryAnnotations(Chart.render(Chart.example("ab-header.yaml")));
        assertThat(a).containsEntry(NGINX + "canary-by-header", "X-Canary")
                .doesNotContainKey(NGINX + "canary-by-header-value")
                .containsEntry(NGINX + "canary-weight", "0")
                .doesNotContainKey(NGINX + "canary-by-cookie");
    }

    @Test
    void abByCookieNamesTheCookie() {
        Map<String, String> a = canaryAnnotations(Chart.render(Chart.example("ab-cookie.yaml")));
        assertThat(a).containsEntry(NGINX + "canary-by-cookie", "canary").doesNotContainKey(NGINX + "canary-by-header");
    }

    @Test
    void valuesFlowIntoTheAnnotations() {
        Map<String, String> a = canaryAnnotations(Chart.render(Chart.example("ab-weight.yaml"), Map.of(
                "abTesting.weight", 7, "abTesting.weightTotal", 1000,
                "abTesting.header.enabled", true, "abTesting.header.name", "X-Team")));
        assertThat(a).containsEntry(NGINX + "canary-weight", "7").containsEntry(NGINX + "canary-weight-total", "1000")
                .containsEntry(NGINX + "canary-by-header", "X-Team");
    }

    @Test
    void romeoForwardsTheHeaderAndCookieTheRoutingReads() {
        Chart.PodView romeo = Chart.render(Chart.example("ab-header.yaml")).pod("Deployment/romeo");
        assertThat(romeo.env("romeo", "ROMEO_FORWARD_HEADERS")).isEqualTo("X-Canary");
        assertThat(romeo.env("romeo", "ROMEO_FORWARD_COOKIES")).isEqualTo("canary");
        assertThat(romeo.env("romeo", "QUARKUS_REST_CLIENT_JULIET_URL"))
                .as("ab-header.yaml sends Romeo's calls through the controller")
                .isEqualTo("http://ingress-nginx-internal-controller.ingress-nginx.svc.cluster.local");
    }

    private static Map<String, String> canaryAnnotations(Chart.Rendered r) {
        return Chart.strings(r.get("Ingress", "internal-ingress-canary").path("metadata").path("annotations"));
    }

    static List<String> paths(ObjectNode ingress) {
        List<String> out = new ArrayList<>();
        for (JsonNode rule : ingress.path("spec").path("rules")) {
            for (JsonNode p : rule.path("http").path("paths")) {
                JsonNode svc = p.path("backend").path("service");
                out.add(p.path("path").asText() + " -> " + svc.path("name").asText() + ":" + svc.path("port").path("number").asText());
            }
        }
        return out;
    }
}
