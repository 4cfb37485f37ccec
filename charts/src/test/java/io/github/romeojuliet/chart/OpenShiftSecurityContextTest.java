package io.github.romeojuliet.chart;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * global.compatibility.openshift.adaptSecurityContext: OpenShift's restricted-v2 SCC refuses the fixed ids 1001
 * and assigns ids from the namespace's range, so there the chart leaves them out of every security context.
 */
class OpenShiftSecurityContextTest {

    private static final List<String> IDS = List.of("runAsUser", "runAsGroup", "fsGroup");
    private static final Map<String, Object> EVERY_POD = Map.of("logSidecar.enabled", true, "metricsSidecar.enabled", true);

    @Test
    void forceLeavesTheIdsToOpenShift() {
        Map<String, Object> sets = new java.util.HashMap<>(EVERY_POD);
        sets.put("global.compatibility.openshift.adaptSecurityContext", "force");
        Chart.Rendered r = Chart.render(sets);
        assertThat(securityContexts(r)).isNotEmpty().allSatisfy((where, sc) -> {
            assertThat(sc.fieldNames()).toIterable().as(where).doesNotContainAnyElementsOf(IDS);
        });
        assertThat(r.pod("Deployment/juliet-v1").container("juliet").path("securityContext").path("runAsNonRoot").asBoolean())
                .as("still never root").isTrue();
    }

    @Test
    void disabledKeepsTheChartsIds() {
        Map<String, Object> sets = new java.util.HashMap<>(EVERY_POD);
        sets.put("global.compatibility.openshift.adaptSecurityContext", "disabled");
        assertIdsKept(Chart.render(sets));
    }

    @Test
    void autoOnAClusterWithoutTheSccApiKeepsTheChartsIds() {
        assertIdsKept(Chart.render(EVERY_POD));
    }

    /**
     * auto, installed (server-side dry run) against an API server that does or does not serve OpenShift's SCC
     * API: Helm's .Capabilities come from the server's discovery, and the install notes say what was chosen.
     */
    @Test
    void autoAdaptsWhereTheClusterServesTheSccApi() throws Exception {
        try (FakeKubeApi openShift = new FakeKubeApi(Map.of("security.openshift.io/v1", Map.of("securitycontextconstraints", "SecurityContextConstraints")));
             FakeKubeApi plain = new FakeKubeApi(Map.of())) {
            assertThat(dryRunNotes(openShift)).contains("OpenShift: the pods carry no fixed user or group ids");
            assertThat(dryRunNotes(plain)).doesNotContain("OpenShift:");
            assertThat(openShift.requests).as("Helm asked the server what it serves").anyMatch(r -> r.startsWith("GET /apis"));
        }
    }

    private static String dryRunNotes(FakeKubeApi api) {
        return Chart.helm().install().withName(Chart.RELEASE).withNamespace(Chart.NAMESPACE)
                .withKubeConfigContents(api.kubeconfig()).withDryRunOption(com.marcnuri.helm.DryRun.SERVER)
                .call().getOutput();
    }

    private static void assertIdsKept(Chart.Rendered r) {
        Chart.PodView juliet = r.pod("Deployment/juliet-v1");
        assertThat(juliet.container("juliet").path("securityContext").path("runAsUser").asInt()).isEqualTo(1001);
        assertThat(juliet.spec().path("securityContext").path("fsGroup").asInt()).isEqualTo(1001);
        assertThat(juliet.container("log-sidecar").path("securityContext").path("runAsUser").asInt()).isEqualTo(1001);
        r.pods().stream().filter(p -> p.owner().startsWith("Pod/")).forEach(test ->
                assertThat(test.spec().path("securityContext").path("runAsUser").asInt()).as(test.owner()).isEqualTo(1001));
    }

    /** Every pod-level and container-level security context of the render, by where it sits. */
    static Map<String, JsonNode> securityContexts(Chart.Rendered r) {
        Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
        for (Chart.PodView pod : r.pods()) {
            if (pod.spec().has("securityContext")) {
                out.put(pod.owner(), pod.spec().path("securityContext"));
            }
            List<JsonNode> containers = new ArrayList<>(pod.allContainers());
            for (JsonNode c : containers) {
                if (c.has("securityContext")) {
                    out.put(pod.owner() + "/" + c.path("name").asText(), c.path("securityContext"));
                }
            }
        }
        return out;
    }
}
