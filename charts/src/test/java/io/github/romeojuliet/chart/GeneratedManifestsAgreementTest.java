package io.github.romeojuliet.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * quarkus-kubernetes writes each service's own Deployment at build time; the chart writes the one
 * users install. This fails the build as soon as the two disagree on what a pod needs to run and
 * be found: the Service name callers resolve, the app label Services and NetworkPolicies select,
 * the container port, the probe paths and ports, and the default resources.
 */
class GeneratedManifestsAgreementTest {

    private static final List<String> PROBES = List.of("livenessProbe", "readinessProbe", "startupProbe");

    @ParameterizedTest
    @ValueSource(strings = {"juliet", "romeo"})
    void chartAndGeneratedDeploymentRunTheSamePod(String service) throws IOException {
        ObjectNode generatedPod = (ObjectNode) generatedDeployment(service).path("spec").path("template");
        String appLabel = generatedPod.path("metadata").path("labels").path("app").asText();
        assertThat(appLabel).as("app label in %s's generated manifest", service).isNotEmpty();

        List<Chart.PodView> chartPods = Chart.render().pods().stream()
                .filter(pod -> pod.owner().startsWith("Deployment/"))
                .filter(pod -> appLabel.equals(pod.labels().get("app")))
                .toList();
        assertThat(chartPods).as("chart Deployments whose pods carry app=%s", appLabel).isNotEmpty();

        JsonNode generated = generatedPod.path("spec").path("containers").get(0);
        for (Chart.PodView chartPod : chartPods) {
            JsonNode charted = chartPod.container(service);
            assertThat(httpPort(charted)).as("%s container port http", chartPod.owner()).isEqualTo(httpPort(generated));
            for (String probe : PROBES) {
                assertThat(charted.path(probe).path("httpGet").path("path").asText())
                        .as("%s %s path", chartPod.owner(), probe)
                        .isEqualTo(generated.path(probe).path("httpGet").path("path").asText());
                assertThat(probePort(charted, probe)).as("%s %s port", chartPod.owner(), probe)
                        .isEqualTo(probePort(generated, probe));
            }
            assertThat(charted.path("resources")).as("%s default resources", chartPod.owner())
                    .isEqualTo(generated.path("resources"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"juliet", "romeo"})
    void chartAndGeneratedServiceHaveTheSameNameAndPort(String service) throws IOException {
        JsonNode generated = generated(service, "Service");
        String name = generated.path("metadata").path("name").asText();
        JsonNode charted = Chart.render().get("Service", name);
        JsonNode generatedPort = generated.path("spec").path("ports").get(0);
        JsonNode chartedPort = charted.path("spec").path("ports").get(0);
        assertThat(chartedPort.path("port").asInt()).as("%s port", name).isEqualTo(generatedPort.path("port").asInt());
        JsonNode pod = generated(service, "Deployment").path("spec").path("template");
        assertThat(Chart.strings(pod.path("metadata").path("labels")).entrySet()).as("%s selects its generated pods", name)
                .containsAll(Chart.strings(generated.path("spec").path("selector")).entrySet());
        JsonNode container = pod.path("spec").path("containers").get(0);
        assertThat(containerPort(container, generatedPort.path("targetPort"))).as("%s target port", name).isEqualTo(8080);
    }

    /** The container port a Service's targetPort or a probe's port lands on, by number or by name. */
    private static int containerPort(JsonNode container, JsonNode port) {
        if (port.isInt()) {
            return port.asInt();
        }
        for (JsonNode declared : container.path("ports")) {
            if (port.asText().equals(declared.path("name").asText())) {
                return declared.path("containerPort").asInt();
            }
        }
        throw new AssertionError("port " + port + " names no port of " + container);
    }

    private static JsonNode generatedDeployment(String service) throws IOException {
        return generated(service, "Deployment");
    }

    private static JsonNode generated(String service, String kind) throws IOException {
        Path manifest = Chart.DIR.getParent().getParent().resolve(service).resolve("target/kubernetes/kubernetes.yml");
        if (!Files.isRegularFile(manifest)) {
            throw new AssertionError("no " + manifest + ": build the services first (./mvnw package -pl " + service + ")");
        }
        return Chart.Rendered.parse(Files.readString(manifest)).ofKind(kind).stream()
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " in " + manifest));
    }
    private static int httpPort(JsonNode container) {
        for (JsonNode port : container.path("ports")) {
            if ("http".equals(port.path("name").asText())) {
                return port.path("containerPort").asInt();
            }
        }
        throw new AssertionError("no port named http in " + container);
    }

    /** A probe may name its port or number it; either way it must land on the same container port. */
    private static int probePort(JsonNode container, String probe) {
        return containerPort(container, container.path(probe).path("httpGet").path("port"));
    }
}
