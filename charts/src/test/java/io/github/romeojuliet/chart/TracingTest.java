package io.github.romeojuliet.chart;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.romeojuliet.chart.NetworkPolicyEvaluator.Endpoint;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** tracing: the OpenTelemetry env on both services, and the collector's port in Romeo's egress policy. */
class TracingTest {

    private static final String ENDPOINT = "http://otel-collector.observability:4317";
    private static final List<String> OTEL = List.of("OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_TRACES_SAMPLER_ARG");

    @Test
    void everyAppContainerGetsTheEnvWhenTracingIsOn() {
        Chart.Rendered r = Chart.render(Chart.example("ab-weight.yaml"), Map.of(
                "tracing.enabled", true, "tracing.endpoint", ENDPOINT, "tracing.samplerRatio", "0.25"));
        List<Chart.PodView> apps = r.pods().stream().filter(p -> !p.owner().startsWith("Pod/")).toList();
        assertThat(apps).extracting(Chart.PodView::owner).containsExactlyInAnyOrder("Deployment/juliet-v1", "Deployment/juliet-v2", "Deployment/romeo");
        for (Chart.PodView pod : apps) {
            String app = pod.owner().contains("romeo") ? "romeo" : "juliet";
            assertThat(pod.env(app, "OTEL_EXPORTER_OTLP_ENDPOINT")).as(pod.owner()).isEqualTo(ENDPOINT);
            assertThat(pod.env(app, "OTEL_EXPORTER_OTLP_PROTOCOL")).as(pod.owner()).isEqualTo("grpc");
            assertThat(pod.env(app, "OTEL_TRACES_SAMPLER_ARG")).as(pod.owner()).isEqualTo("0.25");
        }
    }

    @Test
    void theStatefulSetTracesToo() {
        Chart.PodView pod = Chart.render(Chart.example("statefulset.yaml"), Map.of("tracing.enabled", true,
                "tracing.endpoint", "http://otel-collector.observability:4318", "tracing.protocol", "http/protobuf")).pod("StatefulSet/juliet");
        assertThat(pod.env("juliet", "OTEL_EXPORTER_OTLP_PROTOCOL")).isEqualTo("http/protobuf");
        assertThat(pod.env("juliet", "OTEL_TRACES_SAMPLER_ARG")).isEqualTo("1");
    }

    @Test
    void noOtelEnvAtAllWhileTracingIsOff() {
        // An endpoint alone switches the services' tracing on, so the chart must not leave one behind.
        Chart.Rendered r = Chart.render(Map.of("tracing.endpoint", ENDPOINT, "juliet.variants.v2.enabled", true));
        for (Chart.PodView pod : r.pods()) {
            for (JsonNode c : pod.allContainers()) {
                assertThat(c.path("env").toString()).as(pod.owner()).doesNotContain("OTEL_");
            }
        }
    }

    @Test
    void romeosEgressPolicyOpensTheEndpointsPortToTheCollectorOnly() {
        Chart.Rendered r = Chart.render(Map.of("tracing.enabled", true, "tracing.endpoint", ENDPOINT,
                "networkPolicy.romeoEgress.enabled", true));
        NetworkPolicyEvaluator np = new NetworkPolicyEvaluator(Chart.NAMESPACE, r.ofKind("NetworkPolicy"));
        Endpoint romeo = Endpoint.of(Chart.NAMESPACE, r.pod("Deployment/romeo"));
        Endpoint collector = Endpoint.pod("observability", Map.of("app.kubernetes.io/name", "opentelemetry-collector"));
        assertThat(np.allows(romeo, collector, 4317, "TCP")).isTrue();
        assertThat(np.allows(romeo, collector, 4318, "TCP")).as("only the endpoint's port").isFalse();
        assertThat(np.allows(romeo, Endpoint.pod("observability", Map.of("app", "grafana")), 4317, "TCP"))
                .as("only the collector's pods").isFalse();
        assertThat(np.allows(romeo, Endpoint.pod("elsewhere", Map.of("app.kubernetes.io/name", "opentelemetry-collector")), 4317, "TCP"))
                .as("only the collector's namespace").isFalse();

        NetworkPolicyEvaluator off = new NetworkPolicyEvaluator(Chart.NAMESPACE,
                Chart.render(Map.of("networkPolicy.romeoEgress.enabled", true)).ofKind("NetworkPolicy"));
        assertThat(off.allows(romeo, collector, 4317, "TCP")).as("closed while tracing is off").isFalse();
    }

    @Test
    void anEndpointWithoutAPortMeansTheSchemesPort() {
        assertThat(collectorPort("https://otel.example.com")).isEqualTo(443);
        assertThat(collectorPort("http://otel-collector.observability")).isEqualTo(80);
        assertThat(collectorPort("http://otel-collector.observability:4318/")).isEqualTo(4318);
    }

    private static int collectorPort(String endpoint) {
        JsonNode egress = Chart.render(Map.of("tracing.enabled", true, "tracing.endpoint", endpoint,
                "networkPolicy.romeoEgress.enabled", true)).get("NetworkPolicy", "romeo-egress").path("spec").path("egress");
        for (JsonNode rule : egress) {
            if (rule.path("to").get(0).path("podSelector").path("matchLabels").has("app.kubernetes.io/name")) {
                return rule.path("ports").get(0).path("port").asInt();
            }
        }
        throw new AssertionError("no egress rule for the collector in " + egress);
    }
}
