package io.github.romeojuliet.chart;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rendered object, hooks included, against its Kubernetes (or CRD) schema with unknown fields rejected. */
class KubernetesSchemaTest {

    @Test
    void defaultRenderIsValidKubernetes() {
        assertValid(Chart.render());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.github.romeojuliet.chart.Chart#examples")
    void everyExampleRendersValidKubernetes(Path example) {
        assertValid(Chart.render(example));
    }

    @Test
    void theCheckRejectsUnknownFieldsAndWrongTypes() {
        ObjectNode service = Chart.render().get("Service", "juliet-service").deepCopy();
        ((ObjectNode) service.path("spec")).put("selecter", "typo");
        assertThat(KubeSchemas.validate(service)).anySatisfy(m -> assertThat(m).contains("selecter"));

        ObjectNode deployment = Chart.render().get("Deployment", "juliet-v1").deepCopy();
        ((ObjectNode) deployment.path("spec")).put("replicas", "three");
        assertThat(KubeSchemas.validate(deployment)).anySatisfy(m -> assertThat(m).contains("replicas"));
    }

    @Test
    void theCheckCoversTheCrdKindsToo() {
        ObjectNode route = Chart.render(Chart.example("traefik.yaml")).get("IngressRoute", "internal-ingress").deepCopy();
        ((ObjectNode) route.path("spec")).put("tls", "yes");
        assertThat(KubeSchemas.validate(route)).isNotEmpty();

        ObjectNode httpRoute = Chart.render(Chart.example("gateway-api.yaml")).get("HTTPRoute", "internal-ingress").deepCopy();
        ((ObjectNode) httpRoute.path("spec").path("rules").get(0)).put("weight", 3);
        assertThat(KubeSchemas.validate(httpRoute)).isNotEmpty();
    }

    private static void assertValid(Chart.Rendered rendered) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode o : rendered.objects()) {
            for (String error : KubeSchemas.validate(o)) {
                problems.add(o.path("kind").asText() + "/" + Chart.Rendered.name(o) + ": " + error);
            }
        }
        assertThat(problems).isEmpty();
        assertThat(rendered.objects()).isNotEmpty();
    }

}
