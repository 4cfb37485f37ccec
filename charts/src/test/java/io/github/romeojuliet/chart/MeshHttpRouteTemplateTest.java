package io.github.romeojuliet.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * mesh/http-route.yaml: the mesh's A/B route (the Gateway API's mesh profile, GAMMA). AbRoutingTest holds its
 * rules to the same always/never semantics as the edge routers; this checks what makes it a mesh route.
 */
class MeshHttpRouteTemplateTest {

    @Test
    void itsParentIsJulietServiceItselfOnItsPort() {
        ObjectNode route = Chart.render(Chart.example("mesh-istio.yaml")).get("HTTPRoute", "juliet-service-ab");
        JsonNode parents = route.path("spec").path("parentRefs");
        assertThat(parents).hasSize(1);
        // The core group is the empty string in the Gateway API (Linkerd also reads "core"; Istio needs "").
        assertThat(parents.get(0).path("group").isTextual()).isTrue();
        assertThat(parents.get(0).path("group").asText()).isEmpty();
        assertThat(parents.get(0).path("kind").asText()).isEqualTo("Service");
        assertThat(parents.get(0).path("name").asText()).isEqualTo("juliet-service");
        assertThat(parents.get(0).path("port").asInt()).isEqualTo(80);
        assertThat(parents.get(0).has("namespace")).as("a producer route, in the Service's own namespace").isFalse();
    }

    @Test
    void itsApiVersionIsOneEachMeshServes() {
        assertThat(Chart.render(Chart.example("mesh-istio.yaml")).get("HTTPRoute", "juliet-service-ab").path("apiVersion").asText())
                .isEqualTo("gateway.networking.k8s.io/v1");
        // Linkerd 2.16 and 2.17 install Gateway API 0.7, whose HTTPRoute is v1beta1; 2.18 serves it too.
        assertThat(Chart.render(Chart.example("mesh-linkerd.yaml")).get("HTTPRoute", "juliet-service-ab").path("apiVersion").asText())
                .isEqualTo("gateway.networking.k8s.io/v1beta1");
    }

    @Test
    void itCoversEveryPathOfTheServiceNotOnlyTheRoutedPrefix() {
        // Romeo also asks Juliet's readiness (his wellness check): no rule may leave a call to the Service unrouted.
        JsonNode rules = Chart.render(Chart.example("mesh-linkerd.yaml")).get("HTTPRoute", "juliet-service-ab").path("spec").path("rules");
        for (JsonNode rule : rules) {
            rule.path("matches").forEach(m -> assertThat(m.has("path")).as("match " + m).isFalse());
        }
        JsonNode last = rules.get(rules.size() - 1);
        assertThat(last.has("matches")).as("the weighted rule takes everything else").isFalse();
        assertThat(last.path("backendRefs").findValuesAsText("name")).containsExactly("juliet-v1", "juliet-v2");
        assertThat(last.path("backendRefs").findValues("weight")).extracting(JsonNode::asInt).containsExactly(90, 10);
    }

    @Test
    void theGatewaysRouteKeepsItsOwnPathAndSettingsWhileTheMeshRouteTakesNone() {
        Chart.Rendered r = Chart.render(Chart.example("mesh-istio.yaml"), Map.of("routing.gatewayApi.timeouts.request", "10s"));
        for (JsonNode rule : r.get("HTTPRoute", "internal-ingress").path("spec").path("rules")) {
            assertThat(rule.path("timeouts").path("request").asText()).isEqualTo("10s");
            rule.path("matches").forEach(m -> assertThat(m.path("path").path("value").asText()).isEqualTo("/romeo-please-call-me"));
        }
        for (JsonNode rule : r.get("HTTPRoute", "juliet-service-ab").path("spec").path("rules")) {
            assertThat(rule.has("timeouts")).as("Gateway settings stay at the Gateway").isFalse();
        }
    }

    @Test
    void bothRoutesCarryTheSameSplit() {
        Chart.Rendered r = Chart.render(Chart.example("mesh-istio.yaml"), Map.of("abTesting.weight", 35));
        assertThat(backends(r.get("HTTPRoute", "juliet-service-ab"))).isEqualTo(backends(r.get("HTTPRoute", "internal-ingress")));
    }

    @Test
    void renderedOnlyWhenTheMeshSplitIsAskedFor() {
        assertThat(Chart.render(Chart.example("gateway-api.yaml")).find("HTTPRoute", "juliet-service-ab")).isEmpty();
        assertThat(Chart.render(Chart.example("mesh-istio.yaml"), Map.of("abTesting.enabled", false, "routing.enabled", false))
                .find("HTTPRoute", "juliet-service-ab")).isEmpty();
    }

    @Test
    void theNotesShowWhereToSeeTheMeshsSplit() {
        assertThat(Chart.notes(Chart.example("mesh-linkerd.yaml"))).contains("A/B testing (nginx and inside the mesh)")
                .contains("Romeo's own calls to juliet-service are split by his proxy").contains("julietVersion")
                .contains("the throw-away curl pod of step 1 has no mesh identity");
        assertThat(Chart.notes(Chart.example("ab-weight.yaml"))).contains("A/B testing (nginx)").doesNotContain("julietVersion");
    }

    /** Each rule's backends and weights, in order: "juliet-v2", "juliet-v1:65,juliet-v2:35", ... */
    private static List<String> backends(ObjectNode route) {
        List<String> out = new ArrayList<>();
        for (JsonNode rule : route.path("spec").path("rules")) {
            List<String> refs = new ArrayList<>();
            rule.path("backendRefs").forEach(b -> refs.add(b.path("name").asText() + (b.has("weight") ? ":" + b.path("weight").asInt() : "")));
            out.add(String.join(",", refs));
        }
        return out;
    }
}
