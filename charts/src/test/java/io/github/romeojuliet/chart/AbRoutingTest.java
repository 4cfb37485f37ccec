package io.github.romeojuliet.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One abTesting block means the same on all three providers and inside the mesh. Each router's rendered rules
 * are read the way that router reads them (ingress-nginx's documented canary order, Traefik's rule priorities,
 * the Gateway API's match precedence, which the mesh's route on juliet-service follows too), and every mix of
 * header and cookie values must land on the variant the README promises: header always/never decides, else
 * cookie always/never, else the weight.
 */
class AbRoutingTest {

    private static final String PATH = "/romeo-please-call-me";
    private static final String STABLE = "juliet-v1";
    private static final String CANARY = "juliet-v2";
    private static final String[] HEADERS = {null, "always", "never", "sometimes"};
    private static final String[] COOKIES = {null, "always", "never", "maybe"};

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nginx", "traefik", "gatewayApi", "mesh"})
    void alwaysAndNeverMeanTheSameOnEveryProvider(String provider) {
        for (boolean allToCanary : new boolean[]{false, true}) {
            Router router = router(provider, allToCanary ? 100 : 0);
            for (String header : HEADERS) {
                for (String cookie : COOKIES) {
                    Map<String, String> request = new HashMap<>();
                    if (header != null) {
                        request.put("x-canary", header);
                    }
                    if (cookie != null) {
                        request.put("cookie", "theme=dark; canary=" + cookie);
                    }
                    assertThat(router.route(request))
                            .as("%s, weight %s, X-Canary %s, cookie canary=%s", provider, allToCanary ? "100/100" : "0/100", header, cookie)
                            .isEqualTo(promised(header, cookie, allToCanary));
                }
            }
        }
    }

    /**
     * A canary at weight 0 gets no call but those the header or cookie rules send it. Romeo's default URL, the
     * helm test pod and a path route all name juliet-service, whose pods are the stable variant's only; every
     * route's other backends are stable pods too, and a request without header or cookie lands on them.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nginx", "traefik", "gatewayApi", "mesh"})
    void aCanaryAtWeightZeroIsReachedOnlyThroughTheRules(String provider) {
        Chart.Rendered r = render(provider, 0);
        String julietService = "juliet-service";
        assertThat(variantsBehind(r, julietService)).as("juliet-service's pods").containsExactly("v1");

        Chart.PodView romeo = r.pod("Deployment/romeo");
        assertThat(romeo.env("romeo", "QUARKUS_REST_CLIENT_JULIET_URL")).isEqualTo("http://" + julietService);
        assertThat(r.pod("Pod/test-romeo-reaches-juliet-service").container("curl").path("args").get(0).asText())
                .contains("http://" + julietService + ".");

        List<String> backends = new ArrayList<>(TrafficPathsTest.routeBackends(r));
        backends.removeIf(CANARY::equals);
        if (!provider.equals("mesh")) {
            assertThat(backends).as("the path route's backend").contains(julietService);
        }
        for (String backend : backends) {
            assertThat(variantsBehind(r, backend)).as("pods behind route backend " + backend).containsOnly("v1");
        }
        assertThat(variantsBehind(r, router(provider, r).route(Map.of()))).as("a call without header or cookie").containsExactly("v1");
    }

    /** The variants of the Deployments' pods a Service selects. */
    private static List<String> variantsBehind(Chart.Rendered r, String service) {
        Map<String, String> selector = Chart.strings(r.get("Service", service).path("spec").path("selector"));
        return r.pods().stream().filter(p -> p.owner().startsWith("Deployment/"))
                .filter(p -> p.labels().entrySet().containsAll(selector.entrySet()))
                .map(p -> p.labels().get("variant")).distinct().sorted().toList();
    }

    /** The README's rule. */
    private static String promised(String header, String cookie, boolean allToCanary) {
        for (String choice : new String[]{header, cookie}) {
            if ("always".equals(choice)) {
                return CANARY;
            }
            if ("never".equals(choice)) {
                return STABLE;
            }
        }
        return allToCanary ? CANARY : STABLE;
    }

    interface Router {
        /** The backend Service a request to Juliet's path reaches; header names in lower case. */
        String route(Map<String, String> headers);
    }

    private static Router router(String provider, int weight) {
        return router(provider, render(provider, weight));
    }

    /** The provider's render with v2 as the canary at the weight, and a path route to juliet-service beside it. */
    private static Chart.Rendered render(String provider, int weight) {
        if (provider.equals("mesh")) {
            // No Ingress or Gateway at all: Romeo's sidecar follows the route on juliet-service.
            return Chart.render(Map.of("serviceMesh.istio.enabled", true, "abTesting.mesh.enabled", true,
                    "juliet.variants.v2.enabled", true, "abTesting.enabled", true, "abTesting.weight", weight));
        }
        return Chart.render(Map.of("routing.enabled", true, "routing.provider", provider,
                "routing.controller.namespaces[0]", "proxies", "routing.paths.juliet.path", "/juliet",
                "routing.paths.juliet.service", "juliet-service",
                "juliet.variants.v2.enabled", true, "abTesting.enabled", true, "abTesting.weight", weight));
    }

    private static Router router(String provider, Chart.Rendered r) {
        if (provider.equals("mesh")) {
            ObjectNode route = r.get("HTTPRoute", "juliet-service-ab");
            assertThat(route.path("spec").path("parentRefs").get(0).path("kind").asText()).isEqualTo("Service");
            return gatewayApi(route);
        }
        return switch (provider) {
            case "nginx" -> nginx(r);
            case "traefik" -> traefik(r);
            default -> gatewayApi(r.get("HTTPRoute", "internal-ingress"));
        };
    }

    /**
     * ingress-nginx's canary order (docs: annotations, Canary): header, then cookie, then weight. With
     * canary-by-header-value set, only that value routes to the canary and every other value, "never" included,
     * falls through to the cookie and the weight.
     */
    private static Router nginx(Chart.Rendered r) {
        String stable = JulietPath.backend(r.get("Ingress", "internal-ingress"));
        ObjectNode canaryIngress = r.get("Ingress", "internal-ingress-canary");
        String canary = JulietPath.backend(canaryIngress);
        Map<String, String> a = Chart.strings(canaryIngress.path("metadata").path("annotations"));
        String p = "nginx.ingress.kubernetes.io/";
        return headers -> {
            String headerName = a.get(p + "canary-by-header");
            if (headerName != null) {
                String value = headers.get(headerName.toLowerCase());
                String wanted = a.get(p + "canary-by-header-value");
                if (wanted != null) {
                    if (wanted.equals(value)) {
                        return canary;
                    }
                } else if ("always".equals(value)) {
                    return canary;
                } else if ("never".equals(value)) {
                    return stable;
                }
            }
            String cookieName = a.get(p + "canary-by-cookie");
            if (cookieName != null) {
                String value = cookie(headers.get("cookie"), cookieName);
                if ("always".equals(value)) {
                    return canary;
                }
                if ("never".equals(value)) {
                    return stable;
                }
            }
            return weighted(stable, Integer.parseInt(a.get(p + "canary-weight-total")) - Integer.parseInt(a.get(p + "canary-weight")),
                    canary, Integer.parseInt(a.get(p + "canary-weight")));
        };
    }

    /** Traefik: the matching rule with the highest priority wins; a TraefikService splits by weight. */
    private static Router traefik(Chart.Rendered r) {
        return headers -> {
            JsonNode best = null;
            for (JsonNode route : r.get("IngressRoute", "internal-ingress").path("spec").path("routes")) {
                boolean all = TraefikRule.matches(route.path("match").asText(), new TraefikRule.Request("juliet.internal", PATH, headers));
                if (all && (best == null || route.path("priority").asInt() > best.path("priority").asInt())) {
                    best = route;
                }
            }
            assertThat(best).as("a Traefik route for " + headers).isNotNull();
            JsonNode service = best.path("services").get(0);
            if (!service.path("kind").asText().equals("TraefikService")) {
                return service.path("name").asText();
            }
            JsonNode split = r.get("TraefikService", service.path("name").asText()).path("spec").path("weighted").path("services");
            return weighted(split.get(0).path("name").asText(), split.get(0).path("weight").asInt(),
                    split.get(1).path("name").asText(), split.get(1).path("weight").asInt());
        };
    }

    /**
     * Gateway API HTTPRoute precedence among the matching rules of one route: an Exact path, then the longest
     * path prefix, then the most header matches, then the first in list order. A match without a path is a
     * PathPrefix "/", and a rule without matches has that one match. RegularExpression matches are taken as full
     * matches (Envoy's).
     */
    private static Router gatewayApi(ObjectNode route) {
        return headers -> {
            JsonNode best = null;
            long bestRank = -1;
            for (JsonNode rule : route.path("spec").path("rules")) {
                List<JsonNode> matches = new ArrayList<>();
                rule.path("matches").forEach(matches::add);
                if (matches.isEmpty()) {
                    matches.add(Chart.YAML.createObjectNode());
                }
                for (JsonNode match : matches) {
                    JsonNode path = match.path("path");
                    String type = path.path("type").asText("PathPrefix");
                    String value = path.path("value").asText("/");
                    boolean ok = type.equals("Exact") ? PATH.equals(value) : PATH.startsWith(value);
                    for (JsonNode h : match.path("headers")) {
                        String header = headers.get(h.path("name").asText().toLowerCase());
                        ok &= header != null && (h.path("type").asText().equals("RegularExpression")
                                ? header.matches(h.path("value").asText()) : header.equals(h.path("value").asText()));
                    }
                    long rank = (type.equals("Exact") ? 1L << 40 : 0) + ((long) value.length() << 20) + match.path("headers").size();
                    if (ok && rank > bestRank) {
                        best = rule;
                        bestRank = rank;
                    }
                }
            }
            assertThat(best).as("an HTTPRoute rule for " + headers).isNotNull();
            JsonNode refs = best.path("backendRefs");
            if (refs.size() == 1) {
                return refs.get(0).path("name").asText();
            }
            return weighted(refs.get(0).path("name").asText(), refs.get(0).path("weight").asInt(),
                    refs.get(1).path("name").asText(), refs.get(1).path("weight").asInt());
        };
    }

    /** Only the certain outcomes: a backend with weight 0 gets nothing. */
    private static String weighted(String first, int firstWeight, String second, int secondWeight) {
        assertThat(firstWeight == 0 || secondWeight == 0).as("this test sets weights of 0 or all").isTrue();
        return firstWeight == 0 ? second : first;
    }

    private static String cookie(String header, String name) {
        if (header == null) {
            return null;
        }
        for (String part : header.split(";\\s*")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        return null;
    }

    /** The backend of the Ingress path that serves Juliet's path. */
    private static final class JulietPath {
        static String backend(ObjectNode ingress) {
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                for (JsonNode p : rule.path("http").path("paths")) {
                    if (p.path("path").asText().equals(PATH)) {
                        return p.path("backend").path("service").path("name").asText();
                    }
                }
            }
            throw new AssertionError("no Ingress path " + PATH + " in " + Chart.Rendered.name(ingress));
        }
    }
}
