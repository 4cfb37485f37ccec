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
        all.add(Arguments.of("both sidecars and Linkerd under Romeo's egress limit, extraEgress for something else", Chart.example("sidecars.yaml"), Map.of(
                "serviceMesh.linkerd.enabled", true, "networkPolicy.romeoEgress.enabled", true,
                "logSidecar.output.name", "forward", "logSidecar.output.properties.Host", "fluentd.logging",
                "networkPolicy.romeoEgress.logBackend.namespaceSelector.kubernetes\\.io/metadata\\.name", "logging",
                "networkPolicy.romeoEgress.logBackend.ports[0]", 24224,
                "networkPolicy.extraEgress[0].to[0].namespaceSelector.matchLabels.kubernetes\\.io/metadata\\.name", "linkerd")));
        all.add(Arguments.of("Istio and the metrics sidecar under Romeo's egress limit", Chart.example("mesh-istio.yaml"), Map.of(
                "metricsSidecar.enabled", true, "networkPolicy.romeoEgress.enabled", true,
                "networkPolicy.extraEgress[0].to[0].namespaceSelector.matchLabels.kubernetes\\.io/metadata\\.name", "istio-system")));
        all.add(Arguments.of("Linkerd under default deny", Chart.example("mesh-linkerd.yaml"), Map.of("networkPolicy.defaultDeny", true)));
        all.add(Arguments.of("Istio under default deny, no identity policy", Chart.example("mesh-istio.yaml"), Map.of(
                "networkPolicy.defaultDeny", true, "serviceMesh.authorization.enabled", false)));
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
            JsonNode egress = v.path("networkPolicy").path("romeoEgress");
            if (egress.path("enabled").asBoolean()) {
                Endpoint dns = Endpoint.pod(egress.path("dnsNamespace").asText(), Map.of("k8s-app", "kube-dns"));
                assertThat(np.allows(Endpoint.of(NS, romeo), dns, 53, "UDP")).as(romeo.owner() + " -> DNS").isTrue();
                // Each destination the values turn on has its own way out, whatever extraEgress holds.
                Map<String, JsonNode> destinations = new java.util.LinkedHashMap<>();
                if (v.path("metricsSidecar").path("enabled").asBoolean()) {
                    destinations.put("the remote-write receiver", egress.path("remoteWrite"));
                }
                JsonNode logging = v.path("logSidecar");
                if (logging.path("enabled").asBoolean() && !List.of("stdout", "null").contains(logging.path("output").path("name").asText())) {
                    destinations.put("the log backend", egress.path("logBackend"));
                }
                for (String mesh : List.of("istio", "linkerd")) {
                    if (v.path("serviceMesh").path(mesh).path("enabled").asBoolean()) {
                        destinations.put("the " + mesh + " control plane", egress.path("meshControlPlane").path(mesh));
                    }
                }
                destinations.forEach((what, peer) -> {
                    Endpoint to = Endpoint.pod(peer.path("namespaceSelector").path("kubernetes.io/metadata.name").asText(), Chart.strings(peer.path("podSelector")));
                    assertThat(peer.path("ports")).as(what + " ports").isNotEmpty();
                    peer.path("ports").forEach(port -> assertThat(np.allows(Endpoint.of(NS, romeo), to, port.asInt(), "TCP"))
                            .as(romeo.owner() + " -> " + what + " " + to + ":" + port).isTrue());
                });
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
        for (String mesh : List.of("linkerd", "istio")) {
            if (!v.path("serviceMesh").path(mesh).path("enabled").asBoolean()) {
                continue;
            }
            JsonNode scrapers = v.path("networkPolicy").path("meshScrapers").path(mesh);
            assertThat(scrapers).as("the mesh's scrapers of networkPolicy.meshScrapers." + mesh).isNotEmpty();
            for (JsonNode scraper : scrapers) {
                Endpoint peer = Endpoint.pod(scraper.path("namespaceSelector").path("kubernetes.io/metadata.name").asText(),
                        Chart.strings(scraper.path("podSelector")));
                Endpoint samePlaceOtherPod = Endpoint.pod(peer.namespace(), Map.of("app", "something-else"));
                for (JsonNode port : scraper.path("ports")) {
                    r.pods().stream().filter(p -> !p.owner().startsWith("Pod/")).forEach(pod -> {
                        assertThat(np.allows(peer, Endpoint.of(NS, pod), port.asInt(), "TCP")).as(mesh + " scraper " + peer + " -> " + pod.owner() + ":" + port).isTrue();
                        if (!v.path("networkPolicy").path("allowExternal").asBoolean() && isClosed(v, pod)) {
                            assertThat(np.allows(samePlaceOtherPod, Endpoint.of(NS, pod), port.asInt(), "TCP"))
                                    .as("another pod of " + peer.namespace() + " -> " + pod.owner() + ":" + port).isFalse();
                        }
                    });
                }
            }
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

    /** Whether some policy of the release selects the pod for ingress: Juliet's always, Romeo's under defaultDeny. */
    private static boolean isClosed(JsonNode v, Chart.PodView pod) {
        return "juliet".equals(pod.labels().get("app.kubernetes.io/component")) || v.path("networkPolicy").path("defaultDeny").asBoolean();
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
        return (v.path("namePrefix").isTextual() ? v.path("namePrefix").asText() : "") + name;
    }

    /** values.yaml with the example and the --set overrides on top, as Helm merges them (maps deep, the rest replaced). */
    private static JsonNode values(Path example, Map<String, Object> sets) {
        try {
            ObjectNode merged = (ObjectNode) Chart.YAML.readTree(Chart.DIR.resolve("values.yaml").toFile());
            if (example != null) {
                merge(merged, Chart.YAML.readTree(example.toFile()));
            }
            for (Map.Entry<String, Object> set : sets.entrySet()) {
                // --set syntax: dots separate keys unless escaped, and key[i] indexes a list.
                List<String> path = new ArrayList<>();
                for (String key : set.getKey().split("(?<!\\\\)\\.")) {
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(.*)\\[(\\d+)]").matcher(key);
                    if (m.matches()) {
                        path.add(m.group(1));
                        path.add("[" + m.group(2));
                    } else {
                        path.add(key.replace("\\.", "."));
                    }
                }
                JsonNode node = merged;
                for (int i = 0; i < path.size(); i++) {
                    String key = path.get(i);
                    boolean last = i == path.size() - 1;
                    boolean nextIsIndex = !last && path.get(i + 1).startsWith("[");
                    JsonNode value = last ? Chart.YAML.valueToTree(set.getValue())
                            : nextIsIndex ? Chart.YAML.createArrayNode() : Chart.YAML.createObjectNode();
                    if (node instanceof com.fasterxml.jackson.databind.node.ArrayNode list) {
                        int index = Integer.parseInt(key.substring(1));
                        while (list.size() <= index) {
                            list.addNull();
                        }
                        if (last || list.get(index).isNull()) {
                            list.set(index, value);
                        }
                        node = list.get(index);
                    } else {
                        ObjectNode map = (ObjectNode) node;
                        if (last || !(map.path(key).isContainerNode()) || (nextIsIndex && !map.path(key).isArray())) {
                            map.set(key, value);
                        }
                        node = map.path(key);
                    }
                }
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
