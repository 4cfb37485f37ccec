package io.github.romeojuliet.chart;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** routing/ingress-route.yaml and routing/traefik-service.yaml: the Traefik form of the A/B split. */
class TraefikTemplateTest {

    private final Chart.Rendered r = Chart.render(Chart.example("traefik.yaml"));

    @Test
    void weightedTraefikServiceSplitsBetweenTheVariants() {
        JsonNode services = r.get("TraefikService", "juliet-ab").path("spec").path("weighted").path("services");
        assertThat(services.get(0).path("name").asText()).isEqualTo("juliet-v1");
        assertThat(services.get(0).path("weight").asInt()).isEqualTo(75);
        assertThat(services.get(1).path("name").asText()).isEqualTo("juliet-v2");
        assertThat(services.get(1).path("weight").asInt()).isEqualTo(25);
    }

    @Test
    void headerThenCookieThenWeightByExplicitPriority() {
        JsonNode routes = r.get("IngressRoute", "internal-ingress").path("spec").path("routes");
        assertThat(routes.get(0).path("match").asText()).contains("Host(`juliet.internal`)").contains("Header(`X-Canary`, `always`)");
        assertThat(routes.get(0).path("services").get(0).path("name").asText()).isEqualTo("juliet-v2");
        assertThat(routes.get(1).path("match").asText()).contains("HeaderRegexp(`Cookie`").contains("canary=always");
        assertThat(routes.get(1).path("services").get(0).path("name").asText()).isEqualTo("juliet-v2");
        assertThat(routes.get(2).path("services").get(0).path("kind").asText()).isEqualTo("TraefikService");
        assertThat(routes.get(0).path("priority").asInt()).isGreaterThan(routes.get(1).path("priority").asInt());
        assertThat(routes.get(1).path("priority").asInt()).isGreaterThan(routes.get(2).path("priority").asInt());
    }

    @Test
    void onlyTraefikObjectsForTheTraefikProvider() {
        assertThat(r.ofKind("Ingress")).isEmpty();
        assertThat(r.ofKind("HTTPRoute")).isEmpty();
        assertThat(Chart.render(Chart.example("ab-weight.yaml")).ofKind("TraefikService")).isEmpty();
    }
}
