package io.github.romeojuliet.chart;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The versions the chart needs are written where tools and people read them (Chart.yaml's kubeVersion and
 * annotations, the README's prerequisites), and Helm refuses a cluster below them.
 */
class MinimumVersionsTest {

    /** Kubernetes 1.30: the preStop sleep action is on by default (PodLifecycleSleepAction, beta). */
    private static final Map<String, String> MINIMUMS = Map.of(
            "kubernetes", "1.30", "istio", "1.24", "gatewayApi", "1.2", "linkerd", "2.16");

    @Test
    void chartYamlAndTheReadmeNameEveryMinimum() throws IOException {
        JsonNode chart = Chart.YAML.readTree(Chart.DIR.resolve("Chart.yaml").toFile());
        assertThat(chart.path("kubeVersion").asText()).isEqualTo(">=1.30.0-0");
        String readme = Files.readString(Chart.DIR.resolve("README.md"));
        MINIMUMS.forEach((what, version) -> {
            assertThat(chart.path("annotations").path("romeo-juliet/minimum-" + what.toLowerCase().replace("gatewayapi", "gateway-api")).asText())
                    .as("Chart.yaml annotation for " + what).isEqualTo(version);
        });
        assertThat(readme).contains("Kubernetes 1.30 or later", "Istio 1.24 or later", "Gateway API v1.2 or later", "Linkerd 2.16 or later");
    }

    @Test
    void helmRefusesAClusterBelowTheMinimum() {
        Throwable refused = catchThrowable(() -> Chart.helm().template().withName(Chart.RELEASE).withKubeVersion("1.29.9").call());
        assertThat(refused).as("a 1.29 cluster has no preStop sleep by default").hasMessageContaining("kubeVersion");
        assertThat(Chart.KUBE_VERSION).as("the tests render for the lowest supported version").isEqualTo("1.30.0");
    }

    @Test
    void theGatewayApiCookieMatchSaysItIsImplementationSpecific() throws IOException {
        String readme = Files.readString(Chart.DIR.resolve("README.md"));
        assertThat(readme).contains("`RegularExpression` header match", "implementation-specific", "NGINX Gateway Fabric",
                "Application Gateway for Containers");
    }

    @Test
    void productionScalesOnCpu() {
        Chart.Rendered r = Chart.render(Chart.example("production.yaml"));
        r.ofKind("HorizontalPodAutoscaler").forEach(hpa -> {
            assertThat(hpa.path("spec").path("metrics").findValuesAsText("name")).as(Chart.Rendered.name(hpa))
                    .containsExactly("cpu");
        });
        assertThat(r.ofKind("HorizontalPodAutoscaler")).isNotEmpty();
    }
}
