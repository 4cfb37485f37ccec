package io.github.romeojuliet.chart;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** juliet/deployment.yaml and romeo/deployment.yaml, with the objects that hang off them (PDB, HPA, ServiceAccount). */
class DeploymentTemplateTest {

    @Test
    void defaultsAreTheArticlesTwoPods() {
        Chart.Rendered r = Chart.render();
        assertThat(r.names("Deployment")).containsExactlyInAnyOrder("juliet-v1", "romeo");
        assertThat(r.pod("Deployment/juliet-v1").labels()).containsEntry("app", "juliet-waiting-for-romeo-to-call")
                .containsEntry("version", "v1").containsEntry("env", "production");
        assertThat(r.pod("Deployment/romeo").labels()).containsEntry("app", "romeo-is-calling");
        assertThat(r.pod("Deployment/romeo").env("romeo", "QUARKUS_REST_CLIENT_JULIET_URL")).isEqualTo("http://juliet-service");
        assertThat(r.pod("Deployment/juliet-v1").env("juliet", "POD_NAME")).isEqualTo("<valueFrom>");
        assertThat(r.ofKind("PodDisruptionBudget")).as("one pod each: a budget would only block drains").isEmpty();
        assertThat(r.ofKind("HorizontalPodAutoscaler")).isEmpty();
    }

    @Test
    void eachVariantIsItsOwnDeploymentWithItsGreetingVersionAndTag() {
        Chart.Rendered r = Chart.render(Map.of(
                "juliet.variants.v2.enabled", true, "juliet.variants.v2.image.tag", "1.1.0",
                "juliet.variants.v2.replicaCount", 2));
        Chart.PodView v2 = r.pod("Deployment/juliet-v2");
        assertThat(v2.labels()).containsEntry("variant", "v2").containsEntry("version", "v2");
        assertThat(v2.env("juliet", "JULIET_VERSION")).isEqualTo("v2");
        assertThat(v2.env("juliet", "JULIET_GREETING")).isEqualTo("Hello Romeo, this is Juliet v2.");
        assertThat(v2.container("juliet").path("image").asText()).isEqualTo("ghcr.io/romeojuliet/juliet:1.1.0");
        assertThat(r.get("Deployment", "juliet-v2").path("spec").path("replicas").asInt()).isEqualTo(2);
        assertThat(r.pod("Deployment/juliet-v1").container("juliet").path("image").asText()).isEqualTo("ghcr.io/romeojuliet/juliet:" + VersionAgreementTest.rootPomVersion());
        assertThat(r.pod("Deployment/juliet-v1").env("juliet", "JULIET_GREETING")).as("v1 keeps the service's own greeting").isNull();
        assertThat(r.names("PodDisruptionBudget")).containsExactly("juliet-v2");
    }

    @Test
    void imagesHonourRegistryDigestAndFlavor() {
        assertThat(image(Map.of("global.imageRegistry", "mirror.example:5000"))).isEqualTo("mirror.example:5000/romeojuliet/juliet:" + VersionAgreementTest.rootPomVersion());
        assertThat(image(Map.of("global.imageFlavor", "native"))).isEqualTo("ghcr.io/romeojuliet/juliet:1.0.0-native");
        String digest = "sha256:" + "a".repeat(64);
        assertThat(image(Map.of("juliet.image.digest", digest))).isEqualTo("ghcr.io/romeojuliet/juliet@" + digest);
        JsonNode pod = Chart.render(Map.of("global.imagePullSecrets[0]", "regcred")).pod("Deployment/romeo").spec();
        assertThat(pod.path("imagePullSecrets").get(0).path("name").asText()).isEqualTo("regcred");
    }

    @Test
    void productionGetsBudgetsAutoscalersAndExplicitResources() {
        Chart.Rendered r = Chart.render(Chart.example("production.yaml"));
        assertThat(r.names("PodDisruptionBudget")).containsExactlyInAnyOrder("juliet-v1", "romeo");
        assertThat(r.names("HorizontalPodAutoscaler")).containsExactly("juliet-v1");
        assertThat(r.get("Deployment", "juliet-v1").path("spec").has("replicas")).as("the HPA owns the count").isFalse();
        JsonNode juliet = r.pod("Deployment/juliet-v1").container("juliet");
        assertThat(juliet.path("resources").path("requests").path("memory").asText()).as("resources beat the preset").isEqualTo("384Mi");
        assertThat(r.pod("Deployment/romeo").container("romeo").path("resources").path("requests").path("cpu").asText()).isEqualTo("500m");
    }

    @Test
    void serviceAccountsDoNotMountTokens() {
        Chart.Rendered r = Chart.render();
        assertThat(r.names("ServiceAccount")).containsExactlyInAnyOrder("juliet", "romeo");
        r.ofKind("ServiceAccount").forEach(sa -> assertThat(sa.path("automountServiceAccountToken").asBoolean(true)).isFalse());
        assertThat(r.pod("Deployment/juliet-v1").spec().path("serviceAccountName").asText()).isEqualTo("juliet");
    }

    @Test
    void serviceMeshOptIn() {
        // One mesh at a time: both at once is refused (bad-values/mesh-both-meshes.yaml).
        Chart.PodView linkerd = Chart.render(Map.of("serviceMesh.linkerd.enabled", true)).pod("Deployment/romeo");
        assertThat(Chart.strings(linkerd.template().path("metadata").path("annotations"))).containsEntry("linkerd.io/inject", "enabled");
        assertThat(linkerd.labels()).doesNotContainKey("sidecar.istio.io/inject");
        Chart.PodView istio = Chart.render(Map.of("serviceMesh.istio.enabled", true)).pod("Deployment/romeo");
        assertThat(istio.labels()).containsEntry("sidecar.istio.io/inject", "true");
        assertThat(Chart.strings(istio.template().path("metadata").path("annotations"))).doesNotContainKey("linkerd.io/inject");
    }

    @Test
    void schedulingValuesReachThePod() {
        JsonNode spec = Chart.render(Map.of("juliet.nodeSelector.disk", "ssd", "juliet.priorityClassName", "high",
                "juliet.tolerations[0].key", "dedicated", "juliet.tolerations[0].operator", "Exists")).pod("Deployment/juliet-v1").spec();
        assertThat(spec.path("nodeSelector").path("disk").asText()).isEqualTo("ssd");
        assertThat(spec.path("priorityClassName").asText()).isEqualTo("high");
        assertThat(spec.path("tolerations").get(0).path("key").asText()).isEqualTo("dedicated");
    }

    private static String image(Map<String, Object> sets) {
        return Chart.render(sets).pod("Deployment/juliet-v1").container("juliet").path("image").asText();
    }
}
