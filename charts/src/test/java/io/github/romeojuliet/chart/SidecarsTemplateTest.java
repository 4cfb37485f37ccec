package io.github.romeojuliet.chart;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The fluent-bit and Prometheus agent sidecars, their ConfigMaps (sidecars/config-map.yaml) and shared volumes. */
class SidecarsTemplateTest {

    @Test
    void offByDefault() {
        Chart.Rendered r = Chart.render();
        assertThat(r.ofKind("ConfigMap")).isEmpty();
        assertThat(r.pod("Deployment/juliet-v1").hasContainer("log-sidecar")).isFalse();
        assertThat(r.pod("Deployment/juliet-v1").env("juliet", "QUARKUS_LOG_FILE_ENABLED")).isNull();
    }

    @Test
    void logSidecarReadsTheFileTheAppWritesFromTheSharedLogsVolume() {
        Chart.Rendered r = Chart.render(Chart.example("sidecars.yaml"));
        for (String app : new String[]{"juliet", "romeo"}) {
            Chart.PodView pod = r.pod(app.equals("juliet") ? "Deployment/juliet-v1" : "Deployment/romeo");
            assertThat(pod.env(app, "QUARKUS_LOG_FILE_ENABLED")).as(app + " writes its file only when told").isEqualTo("true");
            String appMount = mountPath(pod.container(app), "logs");
            String sidecarMount = mountPath(pod.container("log-sidecar"), "logs");
            assertThat(appMount).isEqualTo("/var/log/" + app).isEqualTo(sidecarMount);
            assertThat(volume(pod, "logs").has("emptyDir")).isTrue();

            String conf = r.get("ConfigMap", app + "-fluent-bit").path("data").path("fluent-bit.conf").asText();
            // The service's own log file (/var/log/<app>/<app>.log) must be what the tail input's glob picks up.
            assertThat(conf).contains("Path              " + appMount + "/*.log");
            assertThat(conf).containsPattern("Name\\s+stdout");
            assertThat(volume(pod, "log-sidecar-config").path("configMap").path("name").asText()).isEqualTo(app + "-fluent-bit");
        }
    }

    @Test
    void metricsSidecarScrapesLocalhostAndKeepsItsWalOnTheMetricsVolume() {
        Chart.Rendered r = Chart.render(Chart.example("sidecars.yaml"));
        Chart.PodView pod = r.pod("Deployment/juliet-v1");
        JsonNode agent = pod.container("metrics-sidecar");
        assertThat(agent.path("args").toString()).contains("--agent").contains("--storage.agent.path=/var/metrics/juliet");
        assertThat(mountPath(agent, "metrics")).isEqualTo("/var/metrics/juliet");
        assertThat(volume(pod, "metrics").has("emptyDir")).isTrue();
        String config = r.get("ConfigMap", "juliet-prometheus-agent").path("data").path("prometheus.yml").asText();
        assertThat(config).contains("metrics_path: /q/metrics").contains("localhost:8080")
                .contains("http://prometheus-server.monitoring.svc.cluster.local/api/v1/write").contains("cluster: demo");
    }

    @Test
    void everySeriesAndRecordNamesItsPodFromTheDownwardApi() throws Exception {
        Chart.Rendered r = Chart.render(Chart.example("sidecars.yaml"), java.util.Map.of("juliet.variants.v2.enabled", true));
        java.util.regex.Pattern ref = java.util.regex.Pattern.compile("\\$\\{(\\w+)}");
        for (String owner : java.util.List.of("Deployment/juliet-v1", "Deployment/juliet-v2", "Deployment/romeo")) {
            Chart.PodView pod = r.pod(owner);
            String app = pod.spec().path("containers").get(0).path("name").asText();
            JsonNode labels = Chart.YAML.readTree(r.get("ConfigMap", app + "-prometheus-agent").path("data").path("prometheus.yml").asText())
                    .path("global").path("external_labels");
            assertThat(labels.path("pod").asText()).as(owner).isEqualTo("${POD_NAME}");
            if (app.equals("juliet")) {
                assertThat(labels.path("variant").asText()).isEqualTo("${POD_VARIANT}");
            }
            String fluentBit = r.get("ConfigMap", app + "-fluent-bit").path("data").path("fluent-bit.conf").asText();
            assertThat(fluentBit).contains("Record  pod ${POD_NAME}");
            // Each ${VAR} the configs use is set in that sidecar from the pod's own metadata.
            for (String sidecar : java.util.List.of("metrics-sidecar", "log-sidecar")) {
                String config = sidecar.equals("log-sidecar") ? fluentBit : labels.toString();
                java.util.regex.Matcher m = ref.matcher(config);
                while (m.find()) {
                    String fieldPath = fieldRef(pod.container(sidecar), m.group(1));
                    assertThat(fieldPath).as(owner + " " + sidecar + " env " + m.group(1)).startsWith("metadata.");
                    String label = fieldPath.replaceAll("metadata\\.labels\\['(.*)']", "$1");
                    if (!fieldPath.equals("metadata.name")) {
                        assertThat(pod.labels()).as(owner + " label behind " + m.group(1)).containsKey(label);
                    }
                }
            }
        }
    }

    @Test
    void fluentBitLosesNothingAcrossRestartsAndLongLines() {
        Chart.Rendered r = Chart.render(Chart.example("sidecars.yaml"));
        String conf = r.get("ConfigMap", "romeo-fluent-bit").path("data").path("fluent-bit.conf").asText();
        assertThat(conf).contains("DB                /var/log/romeo/fluent-bit-tail.db")
                .contains("Read_from_Head    On").contains("Skip_Long_Lines   Off").contains("Buffer_Max_Size   1M");
        JsonNode mount = null;
        for (JsonNode m : r.pod("Deployment/romeo").container("log-sidecar").path("volumeMounts")) {
            if (m.path("name").asText().equals("logs")) {
                mount = m;
            }
        }
        assertThat(mount).isNotNull();
        assertThat(mount.path("mountPath").asText()).as("the DB lives on the shared volume").isEqualTo("/var/log/romeo");
        assertThat(mount.path("readOnly").asBoolean(false)).as("fluent-bit writes its DB there").isFalse();
    }

    private static String fieldRef(JsonNode container, String env) {
        for (JsonNode e : container.path("env")) {
            if (e.path("name").asText().equals(env)) {
                return e.path("valueFrom").path("fieldRef").path("fieldPath").asText();
            }
        }
        return "unset";
    }

    @Test
    void nativeSidecarsAreInitContainersThatKeepRunning() {
        Chart.PodView pod = Chart.render(Chart.example("native-sidecars.yaml")).pod("Deployment/juliet-v1");
        JsonNode init = pod.spec().path("initContainers");
        assertThat(init).hasSize(2);
        init.forEach(c -> assertThat(c.path("restartPolicy").asText()).isEqualTo("Always"));
        assertThat(pod.spec().path("containers")).hasSize(1);
    }

    @Test
    void aConfigChangeRollsThePods() {
        String before = checksum(Chart.render(Chart.example("sidecars.yaml")));
        String after = checksum(Chart.render(Chart.example("sidecars.yaml"), java.util.Map.of("metricsSidecar.scrapeInterval", "30s")));
        assertThat(before).isNotBlank().isNotEqualTo(after);
    }

    private static String checksum(Chart.Rendered r) {
        return r.pod("Deployment/juliet-v1").template().path("metadata").path("annotations").path("checksum/sidecar-config").asText();
    }

    private static String mountPath(JsonNode container, String volume) {
        for (JsonNode m : container.path("volumeMounts")) {
            if (volume.equals(m.path("name").asText())) {
                return m.path("mountPath").asText();
            }
        }
        throw new AssertionError(container.path("name").asText() + " does not mount " + volume);
    }

    private static JsonNode volume(Chart.PodView pod, String name) {
        for (JsonNode v : pod.spec().path("volumes")) {
            if (name.equals(v.path("name").asText())) {
                return v;
            }
        }
        throw new AssertionError(pod.owner() + " has no volume " + name);
    }
}
