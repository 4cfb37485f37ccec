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
        JsonNode headerAlways = route(routes, "Header(`X-Canary`, `always`)");
        JsonNode headerNever = route(routes, "Header(`X-Canary`, `never`)");
        JsonNode cookieAlways = route(routes, "canary=always");
        JsonNode weighted = route(routes, "TraefikService");
        assertThat(headerAlways.path("match").asText()).contains("Host(`juliet.internal`)");
        assertThat(headerAlways.path("services").get(0).path("name").asText()).isEqualTo("juliet-v2");
        assertThat(headerNever.path("services").get(0).path("name").asText()).isEqualTo("juliet-v1");
        assertThat(cookieAlways.path("match").asText()).contains("HeaderRegexp(`Cookie`");
        assertThat(headerAlways.path("priority").asInt()).isGreaterThan(cookieAlways.path("priority").asInt());
        assertThat(cookieAlways.path("priority").asInt()).isGreaterThan(weighted.path("priority").asInt());
    }

    private static JsonNode route(JsonNode routes, String containing) {
        for (JsonNode route : routes) {
            if (route.toString().contains(containing)) {
                return route;
            }
        }
        throw new AssertionError("no route with " + containing + " in " + routes);
    }

    @Test
    void onlyTraefikObjectsForTheTraefikProvider() {
        assertThat(r.ofKind("Ingress")).isEmpty();
        assertThat(r.ofKind("HTTPRoute")).isEmpty();
        assertThat(Chart.render(Chart.example("ab-weight.yaml")).ofKind("TraefikService")).isEmpty();
    }
}
