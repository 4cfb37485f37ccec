package io.github.romeojuliet.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.romeojuliet.chart.NetworkPolicyEvaluator.Endpoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every traffic path a values combination turns on gets through the rendered NetworkPolicies: Romeo to Juliet
 * (or to the proxies when Romeo calls through the routing, and straight to each variant behind the mesh's
 * route), the proxies to every pod behind every route, the helm test pods to what they check, a cluster
 * Prometheus to every app pod when metrics discovery is on, every app pod to the tracing collector when tracing
 * is on, and Romeo to DNS under its egress limit. Each example is checked, plus combinations no single example
 * shows.
 */
class TrafficPathsTest {

    private static final String NS = Chart.NAMESPACE;

    static Stream<Arguments> renders() {
        List<Arguments> all = new ArrayList<>();
        all.add(Arguments.of("defaults", null, Map.of()));
        Chart.examples().forEach(e -> all.add(Arguments.of(e.getFileName().toString(), e, Map.of())));
        all.add(Arguments.of("production + Gateway API path routes + PodMonitor", Chart.example("production.yaml"), Map.of(
                "routing.enabled", true, "routing.paths.service-b.path", "/service-b", "routing.paths.service-b.service", "romeo-service",
                "romeo.julietUrl", "http://internal-gateway.gateway-system.svc.cluster.local", "metrics.discovery", "podMonitor")));
        all.add(Arguments.of("path routes on Traefik under default deny", Chart.example("path-routes.yaml"), Map.of(
                "routing.provider", "traefik", "networkPolicy.defaultDeny", true, "networkPolicy.romeoEgress.enabled", true)));
        all.add(Arguments.of("tracing under Romeo's egress limit", Chart.example("ab-weight.yaml"), Map.of(
                "tracing.enabled", true, "tracing.endpoint", "http://otel-collector.observability:4317",
                "networkPolicy.romeoEgress.enabled", true, "networkPolicy.defaultDeny", true)));
        all.add(Arguments.of("A/B on Envoy Gateway, second release", Chart.example("gateway-api.yaml"), Map.of(
                "namePrefix", "blue-", "routing.host", "blue.internal", "networkPolicy.defaultDeny", true,
                "metrics.discovery", "annotations", "networkPolicy.metricsScraper.enabled", true)));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void everyPathTheValuesTurnOnGetsThrough(String name, Path example, Map<String, Object> sets) {
        Chart.Rendered r = Chart.render(example, sets);
        JsonNode v = values(example, sets);
        NetworkPolicyEvaluator np = new NetworkPolicyEvaluator(NS, r.ofKind("NetworkPolicy"));
        List<Chart.PodView> romeos = r.pods().stream().filter(p -> "romeo".equals(p.labels().get("app.kubernetes.io/component"))).toList();
        Endpoint proxy = proxy(v);

        for (Chart.PodView romeo : romeos) {
            if (v.path("romeo").path("julietUrl").asText().isEmpty()) {
                for (Chart.PodView juliet : selected(r, Chart.strings(r.get("Service", prefixed(v, "juliet-service")).path("spec").path("selector")))) {
                    assertThat(np.allows(Endpoint.of(NS, romeo), Endpoint.of(NS, juliet), 8080, "TCP")).as(romeo.owner() + " -> " + juliet.owner()).isTrue();
                }
            } else {
                assertThat(np.allows(Endpoint.of(NS, romeo), proxy, 80, "TCP")).as(romeo.owner() + " -> the routing proxy").isTrue();
            }
            if (v.path("networkPolicy").path("romeoEgress").path("enabled").asBoolean()) {
                Endpoint dns = Endpoint.pod(v.path("networkPolicy").path("romeoEgress").path("dnsNamespace").asText(), Map.of("k8s-app", "kube-dns"));
                assertThat(np.allows(Endpoint.of(NS, romeo), dns, 53, "UDP")).as(romeo.owner() + " -> DNS").isTrue();
            }
        }
        for (String backend : meshRouteBackends(r)) {
            // The mesh's route on juliet-service: Romeo's own proxy connects to the variant's pods.
            for (Chart.PodView romeo : romeos) {
                for (Chart.PodView pod : selected(r, Chart.strings(r.get("Service", backend).path("spec").path("selector")))) {
                    assertThat(np.allows(Endpoint.of(NS, romeo), Endpoint.of(NS, pod), 8080, "TCP")).as(romeo.owner() + " -> mesh route -> " + pod.owner()).isTrue();
                }
            }
        }
        for (String backend : routeBackends(r)) {
            for (Chart.PodView pod : selected(r, Chart.strings(r.get("Service", backend).path("spec").path("selector")))) {
                assertThat(np.allows(proxy, Endpoint.of(NS, pod), 8080, "TCP")).as("proxy " + proxy + " -> " + backend + " -> " + pod.owner()).isTrue();
            }
        }
        for (Chart.PodView test : r.pods().stream().filter(p -> p.owner().startsWith("Pod/")).toList()) {
            String target = test.owner().contains("reaches-juliet") ? "juliet-service" : "romeo-service";
            for (Chart.PodView pod : selected(r, Chart.strings(r.get("Service", prefixed(v, target)).path("spec").path("selector")))) {
                assertThat(np.allows(Endpoint.of(NS, test), Endpoint.of(NS, pod), 8080, "TCP")).as(test.owner() + " -> " + pod.owner()).isTrue();
            }
        }
        if (!v.path("metrics").path("discovery").asText().equals("none")) {
            JsonNode scraper = v.path("networkPolicy").path("metricsScraper");
            Endpoint prometheus = Endpoint.pod(scraper.path("namespaceSelector").path("kubernetes.io/metadata.name").asText(),
                    Chart.strings(scraper.path("podSelector")));
            r.pods().stream().filter(p -> !p.owner().startsWith("Pod/")).forEach(pod ->
                    assertThat(np.allows(prometheus, Endpoint.of(NS, pod), 8080, "TCP")).as("metrics scraper -> " + pod.owner()).isTrue());
        }
        if (v.path("tracing").path("enabled").asBoolean()) {
            JsonNode collector = v.path("networkPolicy").path("tracingCollector");
            Endpoint otel = Endpoint.pod(collector.path("namespaceSelector").path("kubernetes.io/metadata.name").asText(),
                    Chart.strings(collector.path("podSelector")));
            int port = java.net.URI.create(v.path("tracing").path("endpoint").asText()).getPort();
            r.pods().stream().filter(p -> !p.owner().startsWith("Pod/")).forEach(pod ->
                    assertThat(np.allows(Endpoint.of(NS, pod), otel, port, "TCP")).as(pod.owner() + " -> the tracing collector").isTrue());
        }
        if (!v.path("networkPolicy").path("allowExternal").asBoolean()) {
            r.pods().stream().filter(p -> "juliet".equals(p.labels().get("app.kubernetes.io/component"))).forEach(pod ->
                    assertThat(np.allows(Endpoint.pod("elsewhere", Map.of()), Endpoint.of(NS, pod), 8080, "TCP"))
                            .as("a stranger -> " + pod.owner()).isFalse());
        }
    }

    /** A pod of the routing proxies where the README's table puts it for the provider, with the configured labels. */
    private static Endpoint proxy(JsonNode v) {
        JsonNode routing = v.path("routing");
        String namespace;
        if (routing.path("controller").path("namespaces").size() > 0) {
            namespace = routing.path("controller").path("namespaces").get(0).asText();
        } else {
            namespace = switch (routing.path("provider").asText()) {
                case "nginx" -> "ingress-nginx";
                case "traefik" -> "traefik";
                default -> routing.path("gatewayApi").path("parentRefs").get(0).path("namespace").asText(NS);
            };
        }
        return Endpoint.pod(namespace, Chart.strings(routing.path("controller").path("podSelector")));
    }

    /** The Services every Ingress, Gateway route and Traefik route sends to (Traefik's weighted ones included). */
    static List<String> routeBackends(Chart.Rendered r) {
        List<String> names = new ArrayList<>();
        r.ofKind("Ingress").forEach(i -> i.path("spec").path("rules").forEach(rule -> rule.path("http").path("paths")
                .forEach(p -> names.add(p.path("backend").path("service").path("name").asText()))));
        r.ofKind("HTTPRoute").stream().filter(h -> !isMeshRoute(h)).forEach(h -> h.path("spec").path("rules").forEach(rule -> rule.path("backendRefs")
                .forEach(b -> names.add(b.path("name").asText()))));
        r.ofKind("IngressRoute").forEach(i -> i.path("spec").path("routes").forEach(route -> route.path("services").forEach(s -> {
            if (!s.path("kind").asText().equals("TraefikService")) {
                names.add(s.path("name").asText());
            }
        })));
        r.ofKind("TraefikService").forEach(t -> t.path("spec").path("weighted").path("services").forEach(s -> names.add(s.path("name").asText())));
        return names;
    }

    /** Backends of the routes whose parent is a Service (the mesh's routes), which the callers' proxies follow. */
    private static List<String> meshRouteBackends(Chart.Rendered r) {
        List<String> names = new ArrayList<>();
        r.ofKind("HTTPRoute").stream().filter(TrafficPathsTest::isMeshRoute).forEach(h -> h.path("spec").path("rules")
                .forEach(rule -> rule.path("backendRefs").forEach(b -> names.add(b.path("name").asText()))));
        return names;
    }

    private static boolean isMeshRoute(JsonNode route) {
        return route.path("spec").path("parentRefs").findValuesAsText("kind").contains("Service");
    }

    private static List<Chart.PodView> selected(Chart.Rendered r, Map<String, String> selector) {
        List<Chart.PodView> pods = r.pods().stream().filter(p -> !p.owner().startsWith("Pod/"))
                .filter(p -> p.labels().entrySet().containsAll(selector.entrySet())).toList();
        assertThat(pods).as("pods selected by " + selector).isNotEmpty();
        return pods;
    }

    private static String prefixed(JsonNode v, String name) {
        return v.path("namePrefix").asText() + name;
    }

    /** values.yaml with the example and the --set overrides on top, as Helm merges them (maps deep, the rest replaced). */
    private static JsonNode values(Path example, Map<String, Object> sets) {
        try {
            ObjectNode merged = (ObjectNode) Chart.YAML.readTree(Chart.DIR.resolve("values.yaml").toFile());
            if (example != null) {
                merge(merged, Chart.YAML.readTree(example.toFile()));
            }
            for (Map.Entry<String, Object> set : sets.entrySet()) {
                String[] keys = set.getKey().split("\\.");
                assertThat(set.getKey()).as("this reader takes map keys only").doesNotContain("[");
                ObjectNode node = merged;
                for (int i = 0; i < keys.length - 1; i++) {
                    node = node.path(keys[i]) instanceof ObjectNode child ? child : node.putObject(keys[i]);
                }
                node.set(keys[keys.length - 1], Chart.YAML.valueToTree(set.getValue()));
            }
            return merged;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void merge(ObjectNode into, JsonNode from) {
        for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (into.path(e.getKey()) instanceof ObjectNode target && e.getValue().isObject()) {
                merge(target, e.getValue());
            } else {
                into.set(e.getKey(), e.getValue());
            }
        }
    }
}
