package io.github.romeojuliet.chart;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A path route to one of the release's Services sends to the port that Service listens on, on every provider. */
class PathRoutePortTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nginx", "gatewayApi", "traefik"})
    void pathRoutesFollowTheServicePort(String provider) {
        Chart.Rendered r = Chart.render(Chart.example("path-routes.yaml"), Map.of(
                "routing.provider", provider, "juliet.service.port", 8080, "romeo.service.port", 8081));
        List<JsonNode> backends = backends(r);
        assertThat(backends).hasSizeGreaterThanOrEqualTo(3);
        for (JsonNode backend : backends) {
            String service = backend.path("name").asText();
            int servicePort = r.get("Service", service).path("spec").path("ports").get(0).path("port").asInt();
            assertThat(backend.path("port").asInt()).as(provider + " route to " + service).isEqualTo(servicePort);
        }
    }

    /** Each route backend as {name, port}. */
    private static List<JsonNode> backends(Chart.Rendered r) {
        List<JsonNode> out = new ArrayList<>();
        r.ofKind("Ingress").forEach(i -> i.path("spec").path("rules").forEach(rule -> rule.path("http").path("paths").forEach(p -> {
            JsonNode s = p.path("backend").path("service");
            out.add(Chart.YAML.createObjectNode().put("name", s.path("name").asText()).put("port", s.path("port").path("number").asInt()));
        })));
        r.ofKind("HTTPRoute").forEach(h -> h.path("spec").path("rules").forEach(rule -> rule.path("backendRefs").forEach(out::add)));
        r.ofKind("IngressRoute").forEach(i -> i.path("spec").path("routes").forEach(route -> route.path("services").forEach(s -> {
            if (!s.path("kind").asText().equals("TraefikService")) {
                out.add(s);
            }
        })));
        return out;
    }
}
