package io.github.romeojuliet.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * Decides, the way the NetworkPolicy API defines it, whether a connection is allowed by a set of rendered
 * policies. Covers what the chart uses: podSelector and namespaceSelector with matchLabels (and their
 * combination in one peer), ports by number or by the target container's port name, Ingress and Egress.
 * <p>
 * Rules: a direction is open for a pod that no policy of that direction selects; once one selects it, a
 * connection passes only if some selecting policy has a rule whose peers and ports all match. A connection
 * needs both the source's egress and the destination's ingress to allow it.
 */
final class NetworkPolicyEvaluator {

    /** A pod somewhere in the cluster: its namespace, that namespace's labels, its own labels and named ports. */
    record Endpoint(String namespace, Map<String, String> namespaceLabels, Map<String, String> labels, Map<String, Integer> namedPorts) {

        static Endpoint pod(String namespace, Map<String, String> labels) {
            return new Endpoint(namespace, Map.of("kubernetes.io/metadata.name", namespace), labels, Map.of());
        }

        static Endpoint of(String namespace, Chart.PodView pod) {
            Map<String, Integer> named = new java.util.HashMap<>();
            pod.spec().path("containers").forEach(c -> c.path("ports").forEach(p ->
                    named.put(p.path("name").asText(), p.path("containerPort").asInt())));
            return new Endpoint(namespace, Map.of("kubernetes.io/metadata.name", namespace), pod.labels(), named);
        }
    }

    private final String policyNamespace;
    private final List<ObjectNode> policies;

    NetworkPolicyEvaluator(String policyNamespace, List<ObjectNode> policies) {
        this.policyNamespace = policyNamespace;
        this.policies = policies;
    }

    boolean allows(Endpoint from, Endpoint to, int port, String protocol) {
        return direction(to, "Ingress", "ingress", "from", from, to, port, protocol)
                && direction(from, "Egress", "egress", "to", to, to, port, protocol);
    }

    private boolean direction(Endpoint subject, String type, String rulesKey, String peersKey,
                              Endpoint peer, Endpoint destination, int port, String protocol) {
        boolean selected = false;
        for (ObjectNode policy : policies) {
            if (!subject.namespace().equals(policyNamespace) || !matches(policy.path("spec").path("podSelector"), subject.labels())) {
                continue;
            }
            if (!policyTypes(policy).contains(type)) {
                continue;
            }
            selected = true;
            for (JsonNode rule : policy.path("spec").path(rulesKey)) {
                if (peersMatch(rule.path(peersKey), peer) && portsMatch(rule.path("ports"), destination, port, protocol)) {
                    return true;
                }
            }
        }
        return !selected;
    }

    private static List<String> policyTypes(ObjectNode policy) {
        JsonNode types = policy.path("spec").path("policyTypes");
        if (types.isMissingNode() || types.isEmpty()) {
            // The API's default: Ingress always, Egress only when egress rules are present.
            return policy.path("spec").has("egress") ? List.of("Ingress", "Egress") : List.of("Ingress");
        }
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        types.forEach(t -> out.add(t.asText()));
        return out;
    }

    private boolean peersMatch(JsonNode peers, Endpoint peer) {
        if (peers.isMissingNode() || peers.isEmpty()) {
            return true; // no from/to: every peer
        }
        for (JsonNode p : peers) {
            if (p.has("ipBlock")) {
                continue; // pod-to-pod decisions only; the chart uses no ipBlock
            }
            boolean nsOk = p.has("namespaceSelector")
                    ? matches(p.path("namespaceSelector"), peer.namespaceLabels())
                    : peer.namespace().equals(policyNamespace);
            boolean podOk = !p.has("podSelector") || matches(p.path("podSelector"), peer.labels());
            if (nsOk && podOk) {
                return true;
            }
        }
        return false;
    }

    private static boolean portsMatch(JsonNode ports, Endpoint destination, int port, String protocol) {
        if (ports.isMissingNode() || ports.isEmpty()) {
            return true;
        }
        for (JsonNode p : ports) {
            if (!p.path("protocol").asText("TCP").equals(protocol)) {
                continue;
            }
            JsonNode number = p.path("port");
            if (number.isMissingNode()) {
                return true;
            }
            int resolved = number.isInt() ? number.asInt() : destination.namedPorts().getOrDefault(number.asText(), -1);
            int end = p.path("endPort").asInt(resolved);
            if (port >= resolved && port <= end) {
                return true;
            }
        }
        return false;
    }

    /** matchLabels only: an empty selector matches everything. matchExpressions would be refused, not guessed. */
    static boolean matches(JsonNode selector, Map<String, String> labels) {
        if (selector.has("matchExpressions")) {
            throw new IllegalArgumentException("matchExpressions not supported by this evaluator: " + selector);
        }
        Map<String, String> wanted = Chart.strings(selector.path("matchLabels"));
        return labels.entrySet().containsAll(wanted.entrySet());
    }
}
