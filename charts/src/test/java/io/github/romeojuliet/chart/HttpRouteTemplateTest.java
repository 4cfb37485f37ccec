package io.github.romeojuliet.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** routing/http-route.yaml: the Gateway API form of the same A/B split, rendered without any cluster lookup. */
class HttpRouteTemplateTest {

    private final ObjectNode route = Chart.render(Chart.example("gateway-api.yaml")).get("HTTPRoute", "internal-ingress");
    private final JsonNode rules = route.path("spec").path("rules");

    @Test
    void attachesToTheConfiguredGateway() {
        JsonNode parent = route.path("spec").path("parentRefs").get(0);
        assertThat(parent.path("name").asText()).isEqualTo("internal-gateway");
        assertThat(parent.path("namespace").asText()).isEqualTo("gateway-system");
        assertThat(parent.path("sectionName").asText()).isEqualTo("http");
    }

    @Test
    void headerMatchSendsToTheCanary() {
        JsonNode header = rules.get(1);
        assertThat(header.path("matches").get(0).path("headers").get(0).path("name").asText()).isEqualTo("X-Canary");
        assertThat(header.path("matches").get(0).path("headers").get(0).path("value").asText()).isEqualTo("always");
        assertThat(header.path("backendRefs").get(0).path("name").asText()).isEqualTo("juliet-v2");
    }

    @Test
    void cookieMatchIsARegexOnTheCookieHeader() {
        JsonNode cookie = rules.get(3).path("matches").get(0).path("headers").get(0);
        assertThat(cookie.path("type").asText()).isEqualTo("RegularExpression");
        assertThat(cookie.path("name").asText()).isEqualTo("Cookie");
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(cookie.path("value").asText());
        assertThat(p.matcher("canary=always").matches()).isTrue();
        assertThat(p.matcher("theme=dark; canary=always").matches()).isTrue();
        assertThat(p.matcher("canary=never").matches()).isFalse();
        assertThat(p.matcher("notcanary=always").matches()).isFalse();
        assertThat(rules.get(3).path("backendRefs").get(0).path("name").asText()).isEqualTo("juliet-v2");
    }

    @Test
    void weightsSplitTheRestAsConfigured() {
        JsonNode weighted = rules.get(5).path("backendRefs");
        assertThat(weighted.get(0).path("name").asText()).isEqualTo("juliet-v1");
        assertThat(weighted.get(0).path("weight").asInt()).isEqualTo(90);
        assertThat(weighted.get(1).path("name").asText()).isEqualTo("juliet-v2");
        assertThat(weighted.get(1).path("weight").asInt()).isEqualTo(10);

        JsonNode other = Chart.render(Chart.example("gateway-api.yaml"), Map.of("abTesting.weight", 35))
                .get("HTTPRoute", "internal-ingress").path("spec").path("rules").get(5).path("backendRefs");
        assertThat(other.get(0).path("weight").asInt()).isEqualTo(65);
        assertThat(other.get(1).path("weight").asInt()).isEqualTo(35);
    }

    @Test
    void pathRoutesComeFirst() {
        assertThat(rules.get(0).path("matches").get(0).path("path").path("value").asText()).isEqualTo("/service-b");
        assertThat(rules.get(0).path("backendRefs").get(0).path("name").asText()).isEqualTo("romeo-service");
    }

    @Test
    void renderedOnlyWhenSwitchedOn() {
        assertThat(Chart.render(Chart.example("ab-weight.yaml")).ofKind("HTTPRoute")).isEmpty();
        assertThat(Chart.render(Chart.example("gateway-api.yaml")).ofKind("Ingress")).isEmpty();
    }
}
