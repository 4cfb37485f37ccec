package io.github.romeojuliet.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What must hold in every render, checked on the defaults and on each example: Services reach pods that
 * exist on ports they declare, routes point at Services that exist, probes hit the Quarkus paths, every
 * object carries the common labels, selectors never use the version.
 */
class RenderInvariantsTest {

    static Stream<Path> rendersToCheck() {
        return Stream.concat(Stream.of((Path) null), Chart.examples().stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rendersToCheck")
    void everyServiceSelectsRenderedPodsOnADeclaredPort(Path values) {
        Chart.Rendered r = Chart.render(values);
        for (ObjectNode svc : r.ofKind("Service")) {
            Map<String, String> selector = Chart.strings(svc.path("spec").path("selector"));
            assertThat(selector).as("selector of Service " + Chart.Rendered.name(svc)).isNotEmpty();
            List<Chart.PodView> selected = r.pods().stream().filter(p -> p.labels().entrySet().containsAll(selector.entrySet())).toList();
            assertThat(selected).as("pods selected by Service " + Chart.Rendered.name(svc)).isNotEmpty();
            assertThat(selected).as("Service " + Chart.Rendered.name(svc) + " must not send traffic to helm test pods")
                    .noneMatch(p -> p.owner().startsWith("Pod/"));
            for (JsonNode port : svc.path("spec").path("ports")) {
                JsonNode target = port.path("targetPort");
                for (Chart.PodView pod : selected) {
                    assertThat(declaresPort(pod, target)).as(Chart.Rendered.name(svc) + " targetPort " + target + " in " + pod.owner()).isTrue();
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rendersToCheck")
    void everyRouteBackendIsARenderedServicePort(Path values) {
        Chart.Rendered r = Chart.render(values);
        List<String[]> backends = new ArrayList<>(); // name, port
        for (ObjectNode ing : r.ofKind("Ingress")) {
            for (JsonNode rule : ing.path("spec").path("rules")) {
                for (JsonNode path : rule.path("http").path("paths")) {
                    JsonNode svc = path.path("backend").path("service");
                    backends.add(new String[]{svc.path("name").asText(), svc.path("port").path("number").asText()});
                }
            }
        }
        for (ObjectNode route : r.ofKind("HTTPRoute")) {
            for (JsonNode rule : route.path("spec").path("rules")) {
                for (JsonNode ref : rule.path("backendRefs")) {
                    backends.add(new String[]{ref.path("name").asText(), ref.path("port").asText()});
                }
            }
        }
        for (ObjectNode route : r.ofKind("IngressRoute")) {
            for (JsonNode rule : route.path("spec").path("routes")) {
                for (JsonNode svc : rule.path("services")) {
                    if (svc.path("kind").asText().equals("TraefikService")) {
                        assertThat(r.names("TraefikService")).contains(svc.path("name").asText());
                    } else {
                        backends.add(new String[]{svc.path("name").asText(), svc.path("port").asText()});
                    }
                }
            }
        }
        for (ObjectNode ts : r.ofKind("TraefikService")) {
            for (JsonNode svc : ts.path("spec").path("weighted").path("services")) {
                backends.add(new String[]{svc.path("name").asText(), svc.path("port").asText()});
            }
        }
        for (String[] backend : backends) {
            ObjectNode svc = r.get("Service", backend[0]);
            Set<String> ports = new HashSet<>();
            svc.path("spec").path("ports").forEach(p -> ports.add(p.path("port").asText()));
            assertThat(ports).as("ports of backend Service " + backend[0]).contains(backend[1]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rendersToCheck")
    void probesHitThePathsQuarkusServesOnTheHttpPort(Path values) {
        Map<String, String> expected = Map.of(
                "startupProbe", "/q/health/started",
                "livenessProbe", "/q/health/live",
                "readinessProbe", "/q/health/ready");
        for (Chart.PodView pod : Chart.render(values).pods()) {
            if (pod.owner().startsWith("Pod/")) {
                continue;
            }
            JsonNode app = pod.spec().path("containers").get(0);
            assertThat(app.path("name").asText()).isIn("juliet", "romeo");
            expected.forEach((probe, path) -> {
                assertThat(app.path(probe).path("httpGet").path("path").asText()).as(pod.owner() + " " + probe).isEqualTo(path);
                assertThat(app.path(probe).path("httpGet").path("port").asText()).isEqualTo("http");
            });
            assertThat(app.path("ports").get(0).path("containerPort").asInt()).isEqualTo(8080);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rendersToCheck")
    void everyObjectCarriesTheCommonLabelsAndAShortName(Path values) {
        for (ObjectNode o : Chart.render(values).objects()) {
            String what = o.path("kind").asText() + "/" + Chart.Rendered.name(o);
            assertThat(Chart.Rendered.name(o).length()).as(what).isLessThanOrEqualTo(63);
            assertThat(Chart.strings(o.path("metadata").path("labels"))).as(what).containsKeys(
                    "app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/version",
                    "app.kubernetes.io/managed-by", "helm.sh/chart", "env", "version");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rendersToCheck")
    void selectorsUseOnlyStableLabels(Path values) {
        Chart.Rendered r = Chart.render(values);
        for (ObjectNode o : r.objects()) {
            JsonNode selector = switch (o.path("kind").asText()) {
                case "Deployment", "StatefulSet", "PodDisruptionBudget" -> o.path("spec").path("selector").path("matchLabels");
                case "Service" -> o.path("spec").path("selector");
                default -> null;
            };
            if (selector != null) {
                assertThat(Chart.strings(selector).keySet()).as(o.path("kind").asText() + "/" + Chart.Rendered.name(o))
                        .isSubsetOf("app", "app.kubernetes.io/component", "variant");
            }
        }
        for (Chart.PodView pod : r.pods()) {
            assertThat(pod.labels()).as(pod.owner()).containsKeys("version", "env");
            if (!pod.owner().startsWith("Pod/")) {
                assertThat(pod.labels()).as(pod.owner()).containsKey("app");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rendersToCheck")
    void everyContainerRunsHardened(Path values) {
        for (Chart.PodView pod : Chart.render(values).pods()) {
            assertThat(pod.spec().path("securityContext").path("seccompProfile").path("type").asText()).as(pod.owner()).isEqualTo("RuntimeDefault");
            assertThat(pod.spec().path("automountServiceAccountToken").asBoolean(true)).as(pod.owner()).isFalse();
            for (JsonNode c : pod.allContainers()) {
                JsonNode sc = c.path("securityContext");
                String what = pod.owner() + " container " + c.path("name").asText();
                assertThat(sc.path("allowPrivilegeEscalation").asBoolean(true)).as(what).isFalse();
                assertThat(sc.path("readOnlyRootFilesystem").asBoolean(false)).as(what).isTrue();
                assertThat(sc.path("capabilities").path("drop").toString()).as(what).contains("ALL");
                boolean nonRoot = sc.path("runAsNonRoot").asBoolean(false) || pod.spec().path("securityContext").path("runAsNonRoot").asBoolean(false);
                assertThat(nonRoot).as(what).isTrue();
            }
        }
    }

    private static boolean declaresPort(Chart.PodView pod, JsonNode target) {
        for (JsonNode c : pod.spec().path("containers")) {
            for (JsonNode p : c.path("ports")) {
                if (target.isInt() ? p.path("containerPort").asInt() == target.asInt() : p.path("name").asText().equals(target.asText())) {
                    return true;
                }
            }
        }
        return false;
    }
}
