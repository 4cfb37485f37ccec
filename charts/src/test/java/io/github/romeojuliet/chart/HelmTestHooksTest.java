package io.github.romeojuliet.chart;

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
    void theNotesGiveTheArticlesCurlAndTheTestCommand() {
        assertThat(Chart.notes(null))
                .contains("curl -s juliet-service.default.svc.cluster.local/romeo-please-call-me")
                .contains("helm test rj -n default");
    }
}
