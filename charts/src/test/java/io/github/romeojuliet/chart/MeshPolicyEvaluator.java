package io.github.romeojuliet.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, the way Istio's and Linkerd's inbound proxies do, whether a request reaches one of Juliet's pods on
 * her port (8080, named http) under the rendered mesh policies. Covers what the chart renders and refuses to guess
 * at the rest (it throws), as NetworkPolicyEvaluator does.
 * <ul>
 *   <li>Istio: the PeerAuthentication's mode for the port (portLevelMtls over mtls; PERMISSIVE without one), so
 *   plain text meets STRICT with a refusal; then the AuthorizationPolicies selecting the pod: a DENY that matches
 *   refuses, and once an ALLOW policy selects the pod a request needs a matching rule. A rule matches when one of
 *   its sources and one of its operations match; principals and namespaces exist only over mutual TLS. The
 *   kubelet's HTTP probes go to Istio's agent (port 15020) unless the pod turns the rewrite off.</li>
 *   <li>Linkerd: the Server selecting the pod's port (none: the default policy, which admits). A Server without
 *   routes admits the kubelet's probes by itself; with routes, a request belongs to the one route that matches it
 *   best (Gateway API precedence: Exact path, longest prefix, method), none means a refusal, and only the
 *   AuthorizationPolicies of that route count. A policy admits when all its authentications hold: a mesh identity
 *   listed in a MeshTLSAuthentication ("*.suffix" matches the suffix), a source address in a
 *   NetworkAuthentication's networks. Nothing admitted means the Server's accessPolicy, deny.</li>
 * </ul>
 */
final class MeshPolicyEvaluator {

    /**
     * A request as the proxy in front of Juliet sees it. serviceAccount is null for a caller without a mesh
     * identity (plain text); probe marks the kubelet's own probes.
     */
    record Request(String namespace, String serviceAccount, String sourceIp, String method, String path, boolean probe) {

        static Request meshed(String namespace, String serviceAccount, String method, String path) {
            return new Request(namespace, serviceAccount, "10.244.1.20", method, path, false);
        }

        static Request plain(String sourceIp, String method, String path) {
            return new Request(null, null, sourceIp, method, path, false);
        }

        static Request kubeletProbe(String path) {
            return new Request(null, null, "10.0.0.5", "GET", path, true);
        }

        boolean mutualTls() {
            return serviceAccount != null;
        }
    }

    private final String mesh;
    private final String trustDomain;
    private final List<ObjectNode> objects;
    private final Chart.PodView pod;

    private MeshPolicyEvaluator(String mesh, String trustDomain, Chart.Rendered rendered, Chart.PodView pod) {
        this.mesh = mesh;
        this.trustDomain = trustDomain;
        this.objects = rendered.objects();
        this.pod = pod;
    }

    static MeshPolicyEvaluator istio(Chart.Rendered rendered, Chart.PodView juliet, String trustDomain) {
        return new MeshPolicyEvaluator("istio", trustDomain, rendered, juliet);
    }

    static MeshPolicyEvaluator linkerd(Chart.Rendered rendered, Chart.PodView juliet, String trustDomain) {
        return new MeshPolicyEvaluator("linkerd", trustDomain, rendered, juliet);
    }

    boolean admits(Request request) {
        return mesh.equals("istio") ? istio(request) : linkerd(request);
    }

    // ---- Istio ------------------------------------------------------------------------------------------

    private boolean istio(Request request) {
        if (request.probe() && !"false".equals(annotation("sidecar.istio.io/rewriteAppHTTPProbers"))) {
            return true; // the agent probes the app from inside the pod; port 8080's policies never see it
        }
        if (!request.mutualTls() && istioMode().equals("STRICT")) {
            return false;
        }
        List<JsonNode> allow = new ArrayList<>();
        for (ObjectNode policy : kind("security.istio.io/v1beta1", "AuthorizationPolicy")) {
            JsonNode spec = policy.path("spec");
            if (!selects(spec.path("selector"))) {
                continue;
            }
            if (spec.has("targetRef") || spec.has("provider")) {
                throw new IllegalArgumentException("not modelled: " + spec);
            }
            String action = spec.path("action").asText("ALLOW");
            boolean matched = false;
            for (JsonNode rule : spec.path("rules")) {
                matched |= istioRule(rule, request);
            }
            switch (action) {
                case "DENY" -> {
                    if (matched) {
                        return false;
                    }
                }
                case "ALLOW" -> allow.add(matched ? spec : null);
                default -> throw new IllegalArgumentException("not modelled: action " + action);
            }
        }
        return allow.isEmpty() || allow.stream().anyMatch(a -> a != null);
    }

    private String istioMode() {
        String mode = "PERMISSIVE";
        for (ObjectNode peer : kind("security.istio.io/v1beta1", "PeerAuthentication")) {
            JsonNode spec = peer.path("spec");
            if (selects(spec.path("selector"))) {
                mode = spec.path("portLevelMtls").path("8080").path("mode").asText(spec.path("mtls").path("mode").asText(mode));
            }
        }
        return mode;
    }

    private boolean istioRule(JsonNode rule, Request request) {
        if (rule.has("when")) {
            throw new IllegalArgumentException("not modelled: when " + rule);
        }
        boolean from = rule.path("from").isEmpty();
        for (JsonNode f : rule.path("from")) {
            from |= istioSource(f.path("source"), request);
        }
        boolean to = rule.path("to").isEmpty();
        for (JsonNode t : rule.path("to")) {
            to |= istioOperation(t.path("operation"), request);
        }
        return from && to;
    }

    private boolean istioSource(JsonNode source, Request request) {
        source.fieldNames().forEachRemaining(f -> {
            if (!List.of("principals", "namespaces", "ipBlocks").contains(f)) {
                throw new IllegalArgumentException("not modelled: source." + f);
            }
        });
        String principal = request.mutualTls()
                ? trustDomain + "/ns/" + request.namespace() + "/sa/" + request.serviceAccount() : null;
        return anyOrAbsent(source.path("principals"), p -> principal != null && istioString(p, principal))
                && anyOrAbsent(source.path("namespaces"), n -> request.mutualTls() && istioString(n, request.namespace()))
                && anyOrAbsent(source.path("ipBlocks"), cidr -> inCidr(request.sourceIp(), cidr));
    }

    private static boolean istioOperation(JsonNode operation, Request request) {
        operation.fieldNames().forEachRemaining(f -> {
            if (!List.of("methods", "paths", "ports").contains(f)) {
                throw new IllegalArgumentException("not modelled: operation." + f);
            }
        });
        return anyOrAbsent(operation.path("methods"), m -> m.equals(request.method()))
                && anyOrAbsent(operation.path("paths"), p -> istioString(p, request.path()))
                && anyOrAbsent(operation.path("ports"), p -> p.equals("8080"));
    }

    /** Istio's string match: exact, "prefix*", "*suffix", or "*" for any value. */
    private static boolean istioString(String pattern, String value) {
        if (pattern.equals("*")) {
            return !value.isEmpty();
        }
        if (pattern.endsWith("*")) {
            return value.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        if (pattern.startsWith("*")) {
            return value.endsWith(pattern.substring(1));
        }
        return pattern.equals(value);
    }

    // ---- Linkerd ----------------------------------------------------------------------------------------

    private boolean linkerd(Request request) {
        Optional<ObjectNode> server = kind("policy.linkerd.io/v1beta3", "Server").stream()
                .filter(s -> selects(s.path("spec").path("podSelector")) && servesPort(s.path("spec").path("port")))
                .findFirst();
        if (server.isEmpty()) {
            return true; // the cluster's default inbound policy, all-unauthenticated unless changed
        }
        String serverName = Chart.Rendered.name(server.get());
        List<ObjectNode> routes = kind("policy.linkerd.io/v1beta2", "HTTPRoute").stream()
                .filter(r -> r.path("spec").path("parentRefs").findValuesAsText("name").contains(serverName)).toList();
        List<ObjectNode> policies = kind("policy.linkerd.io/v1alpha1", "AuthorizationPolicy");
        String target;
        if (routes.isEmpty()) {
            if (request.probe()) {
                return true; // Linkerd's default probe authorization, for a Server without routes
            }
            target = "Server/" + serverName;
        } else {
            if (policies.stream().anyMatch(p -> p.path("spec").path("targetRef").path("kind").asText().equals("Server"))) {
                throw new IllegalArgumentException("not modelled: policies on a Server that has routes");
            }
            Optional<String> route = bestRoute(routes, request);
            if (route.isEmpty()) {
                return false; // no route: the proxy answers 404
            }
            target = "HTTPRoute/" + route.get();
        }
        for (ObjectNode policy : policies) {
            JsonNode ref = policy.path("spec").path("targetRef");
            if (!(ref.path("kind").asText() + "/" + ref.path("name").asText()).equals(target)) {
                continue;
            }
            boolean all = true;
            for (JsonNode authn : policy.path("spec").path("requiredAuthenticationRefs")) {
                all &= authenticates(authn, request);
            }
            if (all) {
                return true;
            }
        }
        String access = server.get().path("spec").path("accessPolicy").asText("deny");
        if (!access.equals("deny")) {
            throw new IllegalArgumentException("not modelled: accessPolicy " + access);
        }
        return false;
    }

    private Optional<String> bestRoute(List<ObjectNode> routes, Request request) {
        record Candidate(String route, long rank) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (ObjectNode route : routes) {
            for (JsonNode rule : route.path("spec").path("rules")) {
                for (JsonNode match : rule.path("matches")) {
                    if (match.has("headers") || match.has("queryParams")) {
                        throw new IllegalArgumentException("not modelled: " + match);
                    }
                    String type = match.path("path").path("type").asText("PathPrefix");
                    String value = match.path("path").path("value").asText("/");
                    boolean pathOk = switch (type) {
                        case "Exact" -> request.path().equals(value);
                        case "PathPrefix" -> value.equals("/") || request.path().equals(value) || request.path().startsWith(value.endsWith("/") ? value : value + "/");
                        default -> throw new IllegalArgumentException("not modelled: path type " + type);
                    };
                    boolean methodOk = !match.has("method") || match.path("method").asText().equals(request.method());
                    if (pathOk && methodOk) {
                        long rank = (type.equals("Exact") ? 1L << 40 : 0) + ((long) value.length() << 1) + (match.has("method") ? 1 : 0);
                        candidates.add(new Candidate(Chart.Rendered.name(route), rank));
                    }
                }
            }
        }
        return candidates.stream().max(Comparator.comparingLong(Candidate::rank)).map(Candidate::route);
    }

    private boolean authenticates(JsonNode ref, Request request) {
        String name = ref.path("name").asText();
        switch (ref.path("kind").asText()) {
            case "MeshTLSAuthentication" -> {
                if (!request.mutualTls()) {
                    return false;
                }
                String identity = request.serviceAccount() + "." + request.namespace() + ".serviceaccount.identity.linkerd." + trustDomain;
                for (JsonNode id : byName("MeshTLSAuthentication", name).path("spec").path("identities")) {
                    String pattern = id.asText();
                    if (pattern.equals("*") || pattern.equals(identity)
                            || (pattern.startsWith("*.") && identity.endsWith(pattern.substring(1)))) {
                        return true;
                    }
                }
                return false;
            }
            case "NetworkAuthentication" -> {
                for (JsonNode network : byName("NetworkAuthentication", name).path("spec").path("networks")) {
                    if (network.has("except")) {
                        throw new IllegalArgumentException("not modelled: except");
                    }
                    if (inCidr(request.sourceIp(), network.path("cidr").asText())) {
                        return true;
                    }
                }
                return false;
            }
            default -> throw new IllegalArgumentException("not modelled: authentication " + ref);
        }
    }

    // ---- shared -----------------------------------------------------------------------------------------

    private List<ObjectNode> kind(String apiVersion, String kind) {
        return objects.stream().filter(o -> o.path("apiVersion").asText().equals(apiVersion) && o.path("kind").asText().equals(kind)).toList();
    }

    private ObjectNode byName(String kind, String name) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind) && Chart.Rendered.name(o).equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("a policy names " + kind + "/" + name + ", which the chart does not render"));
    }

    private boolean selects(JsonNode selector) {
        return NetworkPolicyEvaluator.matches(selector, pod.labels());
    }

    private boolean servesPort(JsonNode port) {
        if (port.isInt()) {
            return port.asInt() == 8080;
        }
        for (JsonNode c : pod.spec().path("containers")) {
            for (JsonNode p : c.path("ports")) {
                if (p.path("name").asText().equals(port.asText())) {
                    return p.path("containerPort").asInt() == 8080;
                }
            }
        }
        return false;
    }

    private String annotation(String key) {
        JsonNode value = pod.template().path("metadata").path("annotations").path(key);
        return value.isMissingNode() ? null : value.asText();
    }

    private static boolean anyOrAbsent(JsonNode values, java.util.function.Predicate<String> test) {
        if (values.isMissingNode()) {
            return true;
        }
        for (JsonNode v : values) {
            if (test.test(v.asText())) {
                return true;
            }
        }
        return false;
    }

    /** Whether an IPv4 or IPv6 address lies in a CIDR block of the same family. */
    static boolean inCidr(String address, String cidr) {
        try {
            String[] parts = cidr.split("/");
            byte[] ip = InetAddress.getByName(address).getAddress();
            byte[] net = InetAddress.getByName(parts[0]).getAddress();
            if (ip.length != net.length) {
                return false;
            }
            int bits = Integer.parseInt(parts[1]);
            int shift = ip.length * 8 - bits;
            return new BigInteger(1, ip).shiftRight(shift).equals(new BigInteger(1, net).shiftRight(shift));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(cidr, e);
        }
    }

    /** For the test's messages. */
    @Override
    public String toString() {
        return mesh + " policies over " + pod.owner() + " (" + Map.of("trustDomain", trustDomain) + ")";
    }
}
