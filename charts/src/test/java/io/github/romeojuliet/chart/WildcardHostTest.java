package io.github.romeojuliet.chart;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A wildcard host ("*.juliet.internal", which the Ingress and Gateway API both allow as the leading label)
 * renders on every provider and reaches the object as written: unquoted, YAML would read the "*" as an alias.
 */
class WildcardHostTest {

    private static final String HOST = "*.juliet.internal";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nginx", "gatewayApi", "traefik"})
    void aWildcardHostRendersOnEveryProvider(String provider) {
        Chart.Rendered r = Chart.render(Chart.example("path-routes.yaml"), Map.of(
                "routing.provider", provider, "routing.host", HOST, "abTesting.enabled", true, "juliet.variants.v2.enabled", true));
        switch (provider) {
            case "nginx" -> r.ofKind("Ingress").forEach(i ->
                    assertThat(i.path("spec").path("rules").get(0).path("host").asText()).as(Chart.Rendered.name(i)).isEqualTo(HOST));
            case "gatewayApi" -> r.ofKind("HTTPRoute").forEach(h ->
                    assertThat(h.path("spec").path("hostnames").get(0).asText()).isEqualTo(HOST));
            default -> r.ofKind("IngressRoute").get(0).path("spec").path("routes").forEach(route ->
                    assertThat(route.path("match").asText()).as("Traefik's Host takes no wildcard; a regexp of one label does")
                            .startsWith("HostRegexp(`^[a-z0-9-]+\\.juliet\\.internal$`) && "));
        }
    }
}
