package io.github.romeojuliet.chart;

import io.github.romeojuliet.chart.NetworkPolicyEvaluator.Endpoint;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Under default deny, Romeo's ingress policy takes the same namespace and pod selectors as Juliet's, and rules of its own. */
class RomeoIngressPolicyTest {

    private static final String NS = Chart.NAMESPACE;

    @Test
    void theNamespaceAndPodSelectorsAdmitTheSamePodsToRomeoAsToJuliet() {
        Chart.Rendered r = Chart.render(Map.of("networkPolicy.defaultDeny", true,
                "networkPolicy.ingressNSMatchLabels.team", "frontend", "networkPolicy.ingressNSPodMatchLabels.role", "client"));
        NetworkPolicyEvaluator np = new NetworkPolicyEvaluator(NS, r.ofKind("NetworkPolicy"));
        Endpoint client = new Endpoint("web", Map.of("team", "frontend"), Map.of("role", "client"), Map.of());
        Endpoint neighbour = new Endpoint("web", Map.of("team", "frontend"), Map.of("role", "batch"), Map.of());
        for (String owner : new String[]{"Deployment/romeo", "Deployment/juliet-v1"}) {
            Endpoint pod = Endpoint.of(NS, r.pod(owner));
            assertThat(np.allows(client, pod, 8080, "TCP")).as("a client pod of a frontend namespace -> " + owner).isTrue();
            assertThat(np.allows(neighbour, pod, 8080, "TCP")).as("another pod of that namespace -> " + owner).isFalse();
        }
    }

    @Test
    void podLabelsAloneAdmitThosePodsOfTheReleaseNamespace() {
        Chart.Rendered r = Chart.render(Map.of("networkPolicy.defaultDeny", true, "networkPolicy.ingressNSPodMatchLabels.role", "client"));
        NetworkPolicyEvaluator np = new NetworkPolicyEvaluator(NS, r.ofKind("NetworkPolicy"));
        Endpoint romeo = Endpoint.of(NS, r.pod("Deployment/romeo"));
        assertThat(np.allows(Endpoint.pod(NS, Map.of("role", "client")), romeo, 8080, "TCP")).isTrue();
        assertThat(np.allows(Endpoint.pod("elsewhere", Map.of("role", "client")), romeo, 8080, "TCP")).isFalse();
    }

    @Test
    void romeoTakesExtraIngressRulesOfHisOwn() {
        Chart.Rendered r = Chart.render(Map.of("networkPolicy.defaultDeny", true,
                "networkPolicy.romeoExtraIngress[0].from[0].namespaceSelector.matchLabels.kubernetes\\.io/metadata\\.name", "edge",
                "networkPolicy.romeoExtraIngress[0].ports[0].port", 8080));
        NetworkPolicyEvaluator np = new NetworkPolicyEvaluator(NS, r.ofKind("NetworkPolicy"));
        Endpoint balancer = Endpoint.pod("edge", Map.of("app", "lb"));
        assertThat(np.allows(balancer, Endpoint.of(NS, r.pod("Deployment/romeo")), 8080, "TCP")).as("edge -> Romeo").isTrue();
        assertThat(np.allows(balancer, Endpoint.of(NS, r.pod("Deployment/juliet-v1")), 8080, "TCP")).as("Romeo's rule is not Juliet's").isFalse();
    }
}
