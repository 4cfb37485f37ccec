package io.github.romeojuliet.chart;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * What users of podinfo's and Bitnami's charts plug into a pod: extra volumes, mounts and containers, lifecycle,
 * update strategies, per-variant settings, labels that never clash with the chart's, an open global block.
 */
class PodExtensionsTest {

    @Test
    void extraVolumesMountsAndContainersLandInThePodAndPassTheSchema() {
        Map<String, Object> sets = Map.of(
                "juliet.extraVolumes[0].name", "certs", "juliet.extraVolumes[0].secret.secretName", "juliet-certs",
                "juliet.extraVolumeMounts[0].name", "certs", "juliet.extraVolumeMounts[0].mountPath", "/certs",
                "juliet.extraContainers[0].name", "proxy", "juliet.extraContainers[0].image", "example/proxy:1",
                "romeo.extraVolumes[0].name", "cache", "romeo.extraVolumes[0].emptyDir.medium", "Memory",
                "romeo.extraVolumeMounts[0].name", "cache", "romeo.extraVolumeMounts[0].mountPath", "/cache");
        Chart.Rendered r = Chart.render(sets);
        Chart.PodView juliet = r.pod("Deployment/juliet-v1");
        assertThat(juliet.spec().path("volumes").findValuesAsText("name")).contains("tmp", "certs");
        assertThat(juliet.container("juliet").path("volumeMounts").findValuesAsText("mountPath")).contains("/tmp", "/certs");
        assertThat(juliet.container("proxy").path("image").asText()).isEqualTo("example/proxy:1");
        assertThat(r.pod("Deployment/romeo").container("romeo").path("volumeMounts").findValuesAsText("mountPath")).contains("/cache");
        r.objects().forEach(o -> assertThat(KubeSchemas.validate(o)).as(Chart.Rendered.name(o)).isEmpty());
    }

    @Test
    void strategiesAndMinReadySecondsReachTheWorkloads() {
        Chart.Rendered r = Chart.render(Map.of(
                "juliet.strategy.type", "RollingUpdate", "juliet.strategy.rollingUpdate.maxSurge", 0,
                "juliet.minReadySeconds", 10, "romeo.strategy.type", "Recreate"));
        assertThat(r.get("Deployment", "juliet-v1").path("spec").path("strategy").path("rollingUpdate").path("maxSurge").asInt()).isZero();
        assertThat(r.get("Deployment", "juliet-v1").path("spec").path("minReadySeconds").asInt()).isEqualTo(10);
        assertThat(r.get("Deployment", "romeo").path("spec").path("strategy").path("type").asText()).isEqualTo("Recreate");

        ObjectNode sts = Chart.render(Chart.example("statefulset.yaml"), Map.of("juliet.updateStrategy.type", "OnDelete"))
                .get("StatefulSet", "juliet");
        assertThat(sts.path("spec").path("updateStrategy").path("type").asText()).isEqualTo("OnDelete");
        assertThat(KubeSchemas.validate(sts)).isEmpty();
    }

    @Test
    void theAutoscalerScalesOnMemoryTooWithItsBehavior() {
        Chart.Rendered r = Chart.render(Map.of("romeo.autoscaling.enabled", true, "romeo.autoscaling.targetMemory", 80,
                "romeo.autoscaling.behavior.scaleDown.stabilizationWindowSeconds", 600));
        ObjectNode hpa = r.get("HorizontalPodAutoscaler", "romeo");
        assertThat(hpa.path("spec").path("metrics").findValuesAsText("name")).containsExactly("cpu", "memory");
        assertThat(hpa.path("spec").path("behavior").path("scaleDown").path("stabilizationWindowSeconds").asInt()).isEqualTo(600);
        assertThat(KubeSchemas.validate(hpa)).isEmpty();
        assertThat(Chart.render(Map.of("romeo.autoscaling.enabled", true)).get("HorizontalPodAutoscaler", "romeo")
                .path("spec").path("metrics").findValuesAsText("name")).containsExactly("cpu");
    }

    @Test
    void aVariantHasItsOwnResourcesNodesAndLabels() {
        Chart.Rendered r = Chart.render(Map.of("juliet.variants.v2.enabled", true,
                "juliet.variants.v2.resources.requests.memory", "1Gi",
                "juliet.nodeSelector.pool", "general", "juliet.variants.v2.nodeSelector.pool", "canary",
                "juliet.variants.v2.podLabels.track", "canary"));
        Chart.PodView v1 = r.pod("Deployment/juliet-v1");
        Chart.PodView v2 = r.pod("Deployment/juliet-v2");
        assertThat(v2.container("juliet").path("resources").path("requests").path("memory").asText()).isEqualTo("1Gi");
        assertThat(v1.container("juliet").path("resources").path("requests").path("memory").asText()).as("v1 keeps the preset").isEqualTo("256Mi");
        assertThat(v2.spec().path("nodeSelector").path("pool").asText()).isEqualTo("canary");
        assertThat(v1.spec().path("nodeSelector").path("pool").asText()).isEqualTo("general");
        assertThat(v2.labels()).containsEntry("track", "canary");
        assertThat(v1.labels()).doesNotContainKey("track");
    }

    @Test
    void aSpreadConstraintWithoutSelectorSpreadsItsOwnVariant() {
        Chart.Rendered r = Chart.render(Chart.example("production.yaml"), Map.of("juliet.variants.v2.enabled", true));
        for (String variant : List.of("v1", "v2")) {
            JsonNode constraint = r.pod("Deployment/juliet-" + variant).spec().path("topologySpreadConstraints").get(0);
            assertThat(Chart.strings(constraint.path("labelSelector").path("matchLabels"))).containsEntry("variant", variant);
            assertThat(constraint.path("matchLabelKeys").get(0).asText()).isEqualTo("pod-template-hash");
        }
    }

    @Test
    void userLabelsNeverRepeatOrReplaceTheChartsKeys() throws Exception {
        Map<String, Object> sets = Map.of("juliet.podLabels.app", "foo", "juliet.podLabels.version", "x",
                "commonLabels.app", "bar", "commonLabels.env", "dev", "commonLabels.team", "verona");
        String manifest = Chart.template(null, sets);
        YAMLMapper strict = YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        assertThatCode(() -> {
            try (var docs = strict.readerFor(JsonNode.class).readValues(manifest)) {
                docs.readAll();
            }
        }).as("no object may carry a key twice").doesNotThrowAnyException();

        Chart.Rendered r = Chart.render(sets);
        Chart.PodView juliet = r.pod("Deployment/juliet-v1");
        assertThat(juliet.labels()).containsEntry("app", "juliet-waiting-for-romeo-to-call")
                .containsEntry("version", "v1").containsEntry("env", "production").containsEntry("team", "verona");
        Map<String, String> selector = Chart.strings(r.get("Deployment", "juliet-v1").path("spec").path("selector").path("matchLabels"));
        assertThat(juliet.labels().entrySet()).containsAll(selector.entrySet());
    }

    @Test
    void globalStaysOpenForAnUmbrellaChart() {
        assertThat(Chart.render(Map.of("global.storageClass", "fast", "global.security.allowInsecureImages", true))
                .names("Deployment")).contains("juliet-v1");
    }

    @Test
    void testPodsAreSizedAndKeptOutOfAnyMesh() {
        Chart.Rendered r = Chart.render(Chart.example("service-mesh.yaml"));
        for (Chart.PodView pod : r.pods()) {
            if (!pod.owner().startsWith("Pod/")) {
                continue;
            }
            assertThat(pod.labels()).as(pod.owner()).containsEntry("sidecar.istio.io/inject", "false");
            assertThat(pod.template().path("metadata").path("annotations").path("linkerd.io/inject").asText()).isEqualTo("disabled");
            JsonNode resources = pod.container("curl").path("resources");
            assertThat(resources.path("requests").path("cpu").asText()).as(pod.owner()).isNotEmpty();
            assertThat(resources.path("limits").path("memory").asText()).as(pod.owner()).isNotEmpty();
        }
    }
}
