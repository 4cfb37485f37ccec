package io.github.romeojuliet.chart;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** nameOverride, fullnameOverride and namespaceOverride, as every chart takes them; the article's names stay the default. */
class StandardOverridesTest {

    @Test
    void fullnameOverrideGivesASecondReleaseNamesOfItsOwn() {
        Chart.Rendered first = Chart.render();
        Chart.Rendered second = Chart.render(Map.of("fullnameOverride", "green"));
        Set<String> firstKeys = new HashSet<>();
        first.objects().forEach(o -> firstKeys.add(o.path("kind").asText() + "/" + Chart.Rendered.name(o)));
        second.objects().forEach(o -> assertThat(firstKeys).doesNotContain(o.path("kind").asText() + "/" + Chart.Rendered.name(o)));
        assertThat(second.names("Service")).contains("green-juliet-service", "green-romeo-service");
        assertThat(second.names("NetworkPolicy")).contains("green-allow-romeo-to-juliet");
        assertThat(second.pod("Deployment/green-juliet-v1").labels()).containsEntry("app", "green-juliet-waiting-for-romeo-to-call");
        assertThat(first.names("Service")).as("the first release keeps the article's names").contains("juliet-service");
    }

    @Test
    void aSecondReleaseGetsNamesOfItsOwnFromItsReleaseName() {
        Chart.Rendered first = Chart.render();
        Chart.Rendered second = Chart.renderAs("blue", null, Map.of());
        Set<String> firstKeys = new HashSet<>();
        first.objects().forEach(o -> firstKeys.add(o.path("kind").asText() + "/" + Chart.Rendered.name(o)));
        second.objects().forEach(o -> assertThat(firstKeys).as("Helm would refuse to take over the first release's object")
                .doesNotContain(o.path("kind").asText() + "/" + Chart.Rendered.name(o)));
        assertThat(second.names("Service")).contains("blue-juliet-service");
        assertThat(Chart.renderAs("blue", null, Map.of("namePrefix", "")).names("Service"))
                .as("namePrefix \"\" asks for the article's names").contains("juliet-service");
    }

    @Test
    void aReleaseWhoseNamesCannotBeServiceNamesStopsAtRenderNamingTheValue() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> Chart.renderAs("2nd", null, Map.of())))
                .hasMessageContaining("namePrefix: the names of release \"2nd\" would not be valid Service names");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> Chart.renderAs("my.app", null, Map.of())))
                .as("Helm takes dots in release names; Service names do not")
                .hasMessageContaining("namePrefix: the names of release \"my.app\" would not be valid Service names");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> Chart.renderAs("blue", null, Map.of("routing.enabled", true))))
                .as("a second release claims its own host").hasMessageContaining("routing.host:");
    }

    @Test
    void nameOverrideNamesTheApplicationInTheLabels() {
        Chart.Rendered r = Chart.render(Map.of("nameOverride", "verona"));
        r.objects().forEach(o -> assertThat(o.path("metadata").path("labels").path("app.kubernetes.io/name").asText())
                .as(o.path("kind").asText() + "/" + Chart.Rendered.name(o)).isEqualTo("verona"));
    }

    @Test
    void namespaceOverridePutsEveryObjectAndEveryReferenceInThatNamespace() {
        Chart.Rendered r = Chart.render(Chart.example("mesh-linkerd.yaml"), Map.of("namespaceOverride", "verona", "networkPolicy.defaultDeny", true));
        r.objects().forEach(o -> assertThat(o.path("metadata").path("namespace").asText())
                .as(o.path("kind").asText() + "/" + Chart.Rendered.name(o)).isEqualTo("verona"));
        String all = r.objects().toString();
        assertThat(all).contains("romeo.verona.serviceaccount.identity.linkerd.cluster.local")
                .doesNotContain("." + Chart.NAMESPACE + ".serviceaccount");
        r.pods().stream().filter(p -> p.owner().startsWith("Pod/")).forEach(test ->
                assertThat(test.spec().toString()).as(test.owner()).contains(".verona.svc.cluster.local"));
    }
}
