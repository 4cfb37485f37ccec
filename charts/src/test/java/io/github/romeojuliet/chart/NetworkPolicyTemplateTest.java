package io.github.romeojuliet.chart;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.romeojuliet.chart.NetworkPolicyEvaluator.Endpoint;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The rendered NetworkPolicies, judged by what they let through rather than by their text. */
class NetworkPolicyTemplateTest {

    private static final String NS = Chart.NAMESPACE;

    @Test
    void theArticlesPolicyAdmitsOnlyRomeoToJuliet() {
        Chart.Rendered r = Chart.render();
        ObjectNode policy = r.get("NetworkPolicy", "allow-romeo-to-juliet");
        assertThat(policy.path("spec").path("podSelector").path("matchLabels").path("app").asText())
                .isEqualTo("juliet-waiting-for-romeo-to-call");

        NetworkPolicyEvaluator np = new NetworkPolicyEvaluator(NS, r.ofKind("NetworkPolicy"));
        Endpoint romeo = Endpoint.of(NS, r.pod("Deployment/romeo"));
        Endpoint juliet = Endpoint.of(NS, r.pod("Deployment/juliet-v1"));

        assertThat(np.allows(romeo, juliet, 8080, "TCP")).as("Romeo -> Juliet:8080").isTrue();
        assertThat(np.allows(Endpoint.pod(NS, Map.of()), juliet, 8080, "TCP")).as("unlabelled pod -> Juliet").isFalse();
        assertThat(np.allows(Endpoint.pod("other", romeo.labels()), juliet, 8080, "TCP")).as("Romeo's labels in another namespace -> Juliet").isFalse();
        assertThat(np.allows(romeo, juliet, 9090, "TCP")).as("Romeo -> Juliet on another port").isFalse();
        assertThat(np.allows(Endpoint.of(NS, r.pod("Pod/test-romeo-reaches-juliet-service")), juliet, 8080, "TCP"))
                .as("the helm test pod that plays Romeo").isTrue();
    }

    @Test
    void everyVariantIsShutTheSameWay() {
        Chart.Rendered r = Chart.render(Chart.example("ab-weight.yaml"));
        NetworkPolicyEvaluator np = new NetworkPolicyEvaluator(NS, r.ofKind("NetworkPolicy"));
        Endpoint stranger = Endpoint.pod(NS, Map.of("app", "someone-else"));
        for (String variant : new String[]{"Deployment/juliet-v1", "Deployment/juliet-v2"}) {
            assertThat(np.allows(stranger, Endpoint.of(NS, r.pod(variant)), 8080, "TCP")).as(variant).isFalse();
        }
    }

    @Test
    void eachProviderAdmitsItsOwnProxiesAndNoOthers() {
        Map<String, String> home = Map.of("nginx", "ingress-nginx", "traefik", "traefik", "gatewayApi", "gateway-system");
        for (var provider : home.entrySet()) {
            Chart.Rendered r = Chart.render(Map.of("routing.enabled", true, "routing.provider", provider.getKey()));
            NetworkPolicyEvaluator np = new NetworkPolicyEvaluator(NS, r.ofKind("NetworkPolicy"));
            Endpoint juliet = Endpoint.of(NS, r.pod("Deployment/juliet-v1"));
            for (String ns : home.values()) {
                assertThat(np.allows(Endpoint.pod(ns, Map.of()), juliet, 8080, "TCP"))
                        .as(provider.getKey() + ": a proxy in " + ns).isEqualTo(ns.equals(provider.getValue()));
            }
        }
    }

    @Test
    void aControllerPodSelectorNarrowsTheNamespace() {
        Chart.Rendered r = Chart.render(Chart.example("gateway-api.yaml"));
        NetworkPolicyEvaluator np = new NetworkPolicyEvaluator(NS, r.ofKind("NetworkPolicy"));
        Endpoint juliet = Endpoint.of(NS, r.pod("Deployment/juliet-v2"));
        assertThat(np.allows(Endpoint.pod("envoy-gateway-system", Map.of("gateway.envoyproxy.io/owning-gateway-name", "internal-gateway", "gateway.envoyproxy.io/owning-gateway-namespace", "gateway-system")), juliet, 8080, "TCP")).isTrue();
        assertThat(np.allows(Endpoint.pod("envoy-gateway-system", Map.of("app", "other")), juliet, 8080, "TCP")).isFalse();
        assertThat(np.allows(Endpoint.pod("gateway-system", Map.of("gateway.envoyproxy.io/owning-gateway-name", "internal-gateway", "gateway.envoyproxy.io/owning-gateway-namespace", "gateway-system")), juliet, 8080, "TCP"))
                .as("the Gateway's own namespace holds no Envoy Gateway proxy").isFalse();
    }

    @Test
    void defaultDenyStillLetsTheRoutingReachEveryPathRouteAndRomeoReachTheProxies() {
        Chart.Rendered r = Chart.render(Chart.example("gateway-api.yaml"), Map.of(
                "networkPolicy.defaultDeny", true, "networkPolicy.romeoEgress.enabled", true));
        NetworkPolicyEvaluator np = new NetworkPolicyEvaluator(NS, r.ofKind("NetworkPolicy"));
        Endpoint proxy = Endpoint.pod("envoy-gateway-system", Map.of("gateway.envoyproxy.io/owning-gateway-name", "internal-gateway", "gateway.envoyproxy.io/owning-gateway-namespace", "gateway-system"));
        Endpoint romeo = Endpoint.of(NS, r.pod("Deployment/romeo"));
        assertThat(np.allows(proxy, romeo, 8080, "TCP")).as("/service-b -> Romeo").isTrue();
        assertThat(np.allows(proxy, Endpoint.of(NS, r.pod("Deployment/juliet-v1")), 8080, "TCP")).as("/romeo-please-call-me -> Juliet").isTrue();
        assertThat(np.allows(romeo, proxy, 80, "TCP")).as("Romeo -> the proxy (romeo.julietUrl through the routing)").isTrue();
        assertThat(np.allows(Endpoint.pod("envoy-gateway-system", Map.of()), romeo, 8080, "TCP")).as("another pod there -> Romeo").isFalse();

        Chart.Rendered noRomeoRoute = Chart.render(Chart.example("gateway-api.yaml"), Map.of(
                "networkPolicy.defaultDeny", true, "routing.paths.service-b.service", "juliet-service"));
        assertThat(new NetworkPolicyEvaluator(NS, noRomeoRoute.ofKind("NetworkPolicy"))
                .allows(proxy, Endpoint.of(NS, noRomeoRoute.pod("Deployment/romeo")), 8080, "TCP"))
                .as("no path route leads to Romeo, so the proxy has no business there").isFalse();
    }

    @Test
    void romeosSidecarsReachTheirOutputsThroughExtraEgress() {
        Chart.Rendered r = Chart.render(Chart.example("production.yaml"), Map.of(
                "metricsSidecar.enabled", true,
                "networkPolicy.extraEgress[0].to[0].namespaceSelector.matchLabels.kubernetes\\.io/metadata\\.name", "monitoring",
                "networkPolicy.extraEgress[0].ports[0].port", 9090));
        NetworkPolicyEvaluator np = new NetworkPolicyEvaluator(NS, r.ofKind("NetworkPolicy"));
        Endpoint romeo = Endpoint.of(NS, r.pod("Deployment/romeo"));
        assertThat(np.allows(romeo, Endpoint.pod("monitoring", Map.of("app.kubernetes.io/name", "prometheus")), 9090, "TCP"))
                .as("Romeo's metrics sidecar -> the remote-write receiver").isTrue();
    }

    @Test
    void routingAdmitsTheControllersNamespace() {
        Chart.Rendered r = Chart.render(Chart.example("ab-header.yaml"));
        NetworkPolicyEvaluator np = new NetworkPolicyEvaluator(NS, r.ofKind("NetworkPolicy"));
        Endpoint juliet = Endpoint.of(NS, r.pod("Deployment/juliet-v2"));
        Endpoint controller = Endpoint.pod("ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx"));
        assertThat(np.allows(controller, juliet, 8080, "TCP")).isTrue();
        assertThat(np.allows(Endpoint.pod("elsewhere", Map.of()), juliet, 8080, "TCP")).isFalse();

        Chart.Rendered noRouting = Chart.render();
        assertThat(new NetworkPolicyEvaluator(NS, noRouting.ofKind("NetworkPolicy"))
                .allows(controller, Endpoint.of(NS, noRouting.pod("Deployment/juliet-v1")), 8080, "TCP"))
                .as("without routing the controller has no business with Juliet").isFalse();
    }

    @Test
    void productionDeniesByDefaultAndLimitsRomeosEgress() {
        Chart.Rendered r = Chart.render(Chart.example("production.yaml"));
        NetworkPolicyEvaluator np = new NetworkPolicyEvaluator(NS, r.ofKind("NetworkPolicy"));
        Endpoint romeo = Endpoint.of(NS, r.pod("Deployment/romeo"));
        Endpoint juliet = Endpoint.of(NS, r.pod("Deployment/juliet-v1"));
        Endpoint dns = Endpoint.pod("kube-system", Map.of("k8s-app", "kube-dns"));
        Endpoint prometheus = Endpoint.pod("monitoring", Map.of("app.kubernetes.io/name", "prometheus"));

        assertThat(np.allows(romeo, juliet, 8080, "TCP")).as("Romeo -> Juliet").isTrue();
        assertThat(np.allows(juliet, romeo, 8080, "TCP")).as("Juliet -> Romeo").isFalse();
        assertThat(np.allows(romeo, dns, 53, "UDP")).as("Romeo -> DNS/UDP").isTrue();
        assertThat(np.allows(romeo, dns, 53, "TCP")).as("Romeo -> DNS/TCP").isTrue();
        assertThat(np.allows(romeo, Endpoint.pod("internet-proxy", Map.of()), 443, "TCP")).as("Romeo -> anything else").isFalse();
        assertThat(np.allows(prometheus, juliet, 8080, "TCP")).as("metrics scraper -> Juliet").isTrue();
        assertThat(np.allows(prometheus, romeo, 8080, "TCP")).as("metrics scraper -> Romeo's /q/metrics").isTrue();
        assertThat(np.allows(Endpoint.pod("monitoring", Map.of("app", "grafana")), romeo, 8080, "TCP")).as("another pod of monitoring -> Romeo").isFalse();
        assertThat(np.allows(Endpoint.of(NS, r.pod("Pod/test-romeo-calls-juliet")), romeo, 8080, "TCP"))
                .as("the helm test pod -> Romeo").isTrue();
    }

    @Test
    void withoutDefaultDenyRomeoStaysOpenAsKubernetesLeavesIt() {
        Chart.Rendered r = Chart.render();
        NetworkPolicyEvaluator np = new NetworkPolicyEvaluator(NS, r.ofKind("NetworkPolicy"));
        assertThat(np.allows(Endpoint.of(NS, r.pod("Deployment/juliet-v1")), Endpoint.of(NS, r.pod("Deployment/romeo")), 8080, "TCP")).isTrue();
    }

    @Test
    void allowExternalOpensJulietsPortToAnyone() {
        Chart.Rendered r = Chart.render(Map.of("networkPolicy.allowExternal", true));
        NetworkPolicyEvaluator np = new NetworkPolicyEvaluator(NS, r.ofKind("NetworkPolicy"));
        Endpoint juliet = Endpoint.of(NS, r.pod("Deployment/juliet-v1"));
        assertThat(np.allows(Endpoint.pod("anywhere", Map.of()), juliet, 8080, "TCP")).isTrue();
        assertThat(np.allows(Endpoint.pod("anywhere", Map.of()), juliet, 9999, "TCP")).isFalse();
    }

    @Test
    void disablingThePolicyRendersNone() {
        assertThat(Chart.render(Map.of("networkPolicy.enabled", false)).ofKind("NetworkPolicy")).isEmpty();
    }
}
