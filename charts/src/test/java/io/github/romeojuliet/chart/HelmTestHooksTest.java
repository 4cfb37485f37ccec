package io.github.romeojuliet.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** templates/tests/: the in-cluster checks that helm test runs. */
class HelmTestHooksTest {

    private final Chart.Rendered r = Chart.render();

    @Test
    void bothChecksAreTestHooks() {
        List<ObjectNode> pods = r.ofKind("Pod");
        assertThat(pods).extracting(Chart.Rendered::name)
                .containsExactlyInAnyOrder("test-romeo-reaches-juliet-service", "test-romeo-calls-juliet");
        pods.forEach(p -> assertThat(p.path("metadata").path("annotations").path("helm.sh/hook").asText()).isEqualTo("test"));
    }

    @Test
    void theJulietCheckWearsRomeosLabelAndCallsJulietService() {
        Chart.PodView pod = r.pod("Pod/test-romeo-reaches-juliet-service");
        assertThat(pod.labels()).containsEntry("app", "romeo-is-calling");
        assertThat(pod.container("curl").path("args").get(0).asText())
                .contains("http://juliet-service.default.svc.cluster.local:80/romeo-please-call-me");
    }

    @Test
    void theRomeoCheckCallsRomeo() {
        assertThat(r.pod("Pod/test-romeo-calls-juliet").container("curl").path("command").toString())
                .contains("http://romeo-service.default.svc.cluster.local:80/call-juliet");
    }

    @Test
    void outsideAnyMeshUnlessJulietAdmitsCallersByIdentity() {
        for (Chart.Rendered rendered : List.of(r, Chart.render(Chart.example("service-mesh.yaml")))) {
            for (ObjectNode pod : rendered.ofKind("Pod")) {
                assertThat(pod.path("metadata").path("labels").path("sidecar.istio.io/inject").asText()).isEqualTo("false");
                assertThat(pod.path("metadata").path("annotations").path("linkerd.io/inject").asText()).isEqualTo("disabled");
                assertThat(pod.path("spec").has("serviceAccountName")).isFalse();
            }
        }
    }

    @Test
    void underTheIdentityPolicyTheyJoinTheMeshAsTheirOwnServiceAccountWithANativeSidecar() {
        Chart.Rendered istio = Chart.render(Chart.example("mesh-istio.yaml"));
        Chart.Rendered linkerd = Chart.render(Chart.example("mesh-linkerd.yaml"));
        for (Chart.Rendered rendered : List.of(istio, linkerd)) {
            ObjectNode account = rendered.get("ServiceAccount", "romeo-juliet-test");
            assertThat(account.path("automountServiceAccountToken").asBoolean(true)).isFalse();
            assertThat(account.path("metadata").path("annotations").has("helm.sh/hook"))
                    .as("a release object, there before helm test starts").isFalse();
            assertThat(rendered.ofKind("Pod")).hasSize(2).allSatisfy(pod ->
                    assertThat(pod.path("spec").path("serviceAccountName").asText()).isEqualTo("romeo-juliet-test"));
        }
        for (ObjectNode pod : istio.ofKind("Pod")) {
            assertThat(pod.path("metadata").path("labels").path("sidecar.istio.io/inject").asText()).isEqualTo("true");
            assertThat(pod.path("metadata").path("annotations").path("sidecar.istio.io/nativeSidecar").asText()).isEqualTo("true");
            assertThat(pod.path("metadata").path("annotations").path("linkerd.io/inject").asText()).isEqualTo("disabled");
        }
        for (ObjectNode pod : linkerd.ofKind("Pod")) {
            JsonNode annotations = pod.path("metadata").path("annotations");
            assertThat(annotations.path("linkerd.io/inject").asText()).isEqualTo("enabled");
            assertThat(annotations.path("config.beta.linkerd.io/proxy-enable-native-sidecar").asText()).isEqualTo("true");
            assertThat(annotations.path("config.alpha.linkerd.io/proxy-enable-native-sidecar").asText()).isEqualTo("true");
            assertThat(pod.path("metadata").path("labels").path("sidecar.istio.io/inject").asText()).isEqualTo("false");
        }
    }

    @Test
    void theJulietCheckCallsThePathThePolicyAdmitsItTo() {
        JsonNode paths = Chart.render(Chart.example("mesh-istio.yaml")).get("AuthorizationPolicy", "juliet-callers")
                .path("spec").path("rules").findValue("paths");
        assertThat(paths).hasSize(1);
        assertThat(Chart.render(Chart.example("mesh-istio.yaml")).pod("Pod/test-romeo-reaches-juliet-service")
                .container("curl").path("args").get(0).asText()).contains(".svc.cluster.local:80" + paths.get(0).asText() + " ");
    }

    @Test
    void theNotesGiveTheArticlesCurlAndTheTestCommand() {
        assertThat(Chart.notes(null))
                .contains("curl -s juliet-service.default.svc.cluster.local/romeo-please-call-me")
                .contains("helm test rj -n default");
    }
}
