package io.github.romeojuliet.chart;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The article's names by default; a namePrefix keeps two releases in one namespace apart. */
class ReleaseNamesTest {

    @Test
    void defaultsUseTheArticlesNames() {
        Chart.Rendered r = Chart.render();
        var svc = r.get("Service", "juliet-service");
        assertThat(svc.path("spec").path("type").asText()).isEqualTo("ClusterIP");
        assertThat(svc.path("spec").path("ports").get(0).path("port").asInt()).isEqualTo(80);
        assertThat(svc.path("spec").path("ports").get(0).path("targetPort").asText()).isEqualTo("http");
        assertThat(svc.path("spec").path("selector").path("app").asText()).isEqualTo("juliet-waiting-for-romeo-to-call");
        assertThat(r.names("NetworkPolicy")).containsExactly("allow-romeo-to-juliet");
        assertThat(r.names("Service")).contains("juliet-v1", "romeo-service");
    }

    @Test
    void twoReleasesInOneNamespaceDoNotCollide() {
        Chart.Rendered first = Chart.render();
        Chart.Rendered second = Chart.render(Chart.example("second-release.yaml"));
        Set<String> firstKeys = new HashSet<>();
        first.objects().forEach(o -> firstKeys.add(o.path("kind").asText() + "/" + Chart.Rendered.name(o)));
        second.objects().forEach(o -> assertThat(firstKeys).doesNotContain(o.path("kind").asText() + "/" + Chart.Rendered.name(o)));

        // Neither release's Services or policies pick up the other's pods.
        for (var pod : first.pods()) {
            for (var svc : second.ofKind("Service")) {
                boolean selected = pod.labels().entrySet().containsAll(Chart.strings(svc.path("spec").path("selector")).entrySet());
                assertThat(selected).as(pod.owner() + " selected by " + Chart.Rendered.name(svc)).isFalse();
            }
        }
        assertThat(second.pod("Deployment/blue-romeo").env("romeo", "QUARKUS_REST_CLIENT_JULIET_URL")).isEqualTo("http://blue-juliet-service");
        assertThat(second.pod("Deployment/blue-juliet-v1").labels()).containsEntry("app", "blue-juliet-waiting-for-romeo-to-call");
    }

    @Test
    void aSecondReleasesRoutesReachItsOwnServicesUnderItsOwnHost() {
        Chart.Rendered first = Chart.render(Chart.example("second-release.yaml"), java.util.Map.of("namePrefix", "", "routing.host", ""));
        Chart.Rendered second = Chart.render(Chart.example("second-release.yaml"));
        var firstRoute = first.get("HTTPRoute", "internal-ingress").path("spec");
        var secondRoute = second.get("HTTPRoute", "blue-internal-ingress").path("spec");
        assertThat(secondRoute.path("hostnames").toString()).isNotEqualTo(firstRoute.path("hostnames").toString());
        for (var rule : secondRoute.path("rules")) {
            for (var ref : rule.path("backendRefs")) {
                String backend = ref.path("name").asText();
                assertThat(second.names("Service")).as("backend " + backend).contains(backend);
                assertThat(first.names("Service")).as("backend " + backend + " of the first release").doesNotContain(backend);
            }
        }
    }
}
