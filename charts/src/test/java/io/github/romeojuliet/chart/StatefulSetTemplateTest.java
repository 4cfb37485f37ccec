package io.github.romeojuliet.chart;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** juliet/stateful-set.yaml and juliet/headless-service.yaml: stable pod names such as juliet-0.juliet-headless. */
class StatefulSetTemplateTest {

    private final Chart.Rendered r = Chart.render(Chart.example("statefulset.yaml"));

    @Test
    void podsGetStableDnsNamesUnderTheHeadlessService() {
        ObjectNode sts = r.get("StatefulSet", "juliet");
        ObjectNode headless = r.get("Service", "juliet-headless");
        assertThat(sts.path("spec").path("serviceName").asText()).isEqualTo("juliet-headless");
        assertThat(headless.path("spec").path("clusterIP").asText()).isEqualTo("None");
        assertThat(sts.path("spec").path("replicas").asInt()).isEqualTo(3);
        assertThat(r.ofKind("Deployment")).extracting(Chart.Rendered::name).containsExactly("romeo");
        assertThat(r.pod("StatefulSet/juliet").labels()).containsEntry("app", "juliet-waiting-for-romeo-to-call");
    }

    @Test
    void julietServiceStillSelectsTheStatefulSetsPods() {
        assertThat(r.pod("StatefulSet/juliet").labels())
                .containsAllEntriesOf(Chart.strings(r.get("Service", "juliet-service").path("spec").path("selector")))
                .containsAllEntriesOf(Chart.strings(r.get("Service", "juliet-headless").path("spec").path("selector")));
    }

    @Test
    void theNotesNameTheFirstPod() {
        assertThat(Chart.notes(Chart.example("statefulset.yaml")))
                .contains("juliet-0.juliet-headless.default.svc.cluster.local:8080");
    }
}
