package io.github.romeojuliet.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.romeojuliet.chart.MeshPolicyEvaluator.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart README's table "What each policy admits" is what the rendered mesh policies do: each row is read
 * from the README and played against every Juliet pod of examples/mesh-istio.yaml and examples/mesh-linkerd.yaml
 * by MeshPolicyEvaluator, which reads the policies the way each mesh's proxy does.
 */
class MeshPolicyTableTest {

    private static final String NS = Chart.NAMESPACE;
    private static final String TRUST_DOMAIN = "cluster.local";
    /** What "any path" stands for: the greeting, health, metrics, another method, a path Juliet does not serve. */
    private static final List<String[]> ANY_PATH = List.of(new String[]{"GET", "/romeo-please-call-me"},
            new String[]{"GET", "/q/health/ready"}, new String[]{"GET", "/q/metrics"},
            new String[]{"POST", "/romeo-please-call-me"}, new String[]{"GET", "/anything/else"});
    private static final Pattern REQUEST = Pattern.compile("`([A-Z]+) (/\\S*)`");

    record Row(String caller, String identity, String request, Map<String, Boolean> expected) {
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"istio", "linkerd"})
    void everyRowOfTheReadmeTableHolds(String mesh) throws IOException {
        Path example = Chart.example("mesh-" + mesh + ".yaml");
        Chart.Rendered r = Chart.render(example);
        List<Row> rows = table();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(10);
        List<String> wrong = new ArrayList<>();
        for (Chart.PodView juliet : juliets(r)) {
            MeshPolicyEvaluator policies = evaluator(mesh, r, juliet);
            for (Row row : rows) {
                for (Request request : requests(row, r, example)) {
                    boolean admitted = policies.admits(request);
                    if (admitted != row.expected().get(mesh)) {
                        wrong.add(juliet.owner() + ": " + row.caller() + " " + request + " is " + (admitted ? "admitted" : "refused")
                                + ", the README says " + (row.expected().get(mesh) ? "admitted" : "refused"));
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"istio", "linkerd"})
    void withoutTheIdentityPolicyTheSameRequestsGetThrough(String mesh) throws IOException {
        // The table's refusals come from the policies, not from the evaluator: off, the mesh admits them all.
        Path example = Chart.example("mesh-" + mesh + ".yaml");
        Chart.Rendered r = Chart.render(example, Map.of("serviceMesh.authorization.enabled", false));
        Chart.Rendered on = Chart.render(example);
        for (Chart.PodView juliet : juliets(r)) {
            for (Row row : table()) {
                for (Request request : requests(row, on, example)) {
                    assertThat(evaluator(mesh, r, juliet).admits(request)).as(row.caller() + " " + request).isTrue();
                }
            }
        }
    }

    @Test
    void thePoliciesFollowTheServiceAccountsThePodsRunAs() {
        Map<String, Object> names = Map.of("namePrefix", "blue-", "routing.host", "blue.internal", "romeo.serviceAccount.name", "romeo-sa");
        for (String mesh : List.of("istio", "linkerd")) {
            Chart.Rendered r = Chart.render(Chart.example("mesh-" + mesh + ".yaml"), names);
            assertThat(r.pod("Deployment/blue-romeo").spec().path("serviceAccountName").asText()).isEqualTo("romeo-sa");
            assertThat(r.pod("Pod/blue-test-romeo-reaches-juliet-service").spec().path("serviceAccountName").asText())
                    .isEqualTo("blue-romeo-juliet-test");
            for (Chart.PodView juliet : juliets(r)) {
                MeshPolicyEvaluator policies = evaluator(mesh, r, juliet);
                assertThat(policies.admits(Request.meshed(NS, "romeo-sa", "GET", "/romeo-please-call-me"))).as(mesh).isTrue();
                assertThat(policies.admits(Request.meshed(NS, "romeo", "GET", "/romeo-please-call-me"))).as(mesh + ": the default name").isFalse();
                assertThat(policies.admits(Request.meshed(NS, "blue-romeo-juliet-test", "GET", "/romeo-please-call-me"))).as(mesh).isTrue();
                assertThat(policies.admits(Request.meshed("elsewhere", "romeo-sa", "GET", "/romeo-please-call-me")))
                        .as(mesh + ": the same name in another namespace").isFalse();
            }
        }
    }

    @Test
    void linkerdsObjectsReferToEachOtherAndToJulietsPort() {
        Chart.Rendered r = Chart.render(Chart.example("mesh-linkerd.yaml"));
        List<ObjectNode> servers = r.ofKind("Server");
        assertThat(servers).hasSize(1);
        JsonNode server = servers.get(0).path("spec");
        for (Chart.PodView pod : r.pods()) {
            boolean juliet = "juliet".equals(pod.labels().get("app.kubernetes.io/component"));
            assertThat(NetworkPolicyEvaluator.matches(server.path("podSelector"), pod.labels())).as(pod.owner()).isEqualTo(juliet);
            if (juliet) {
                assertThat(pod.container("juliet").path("ports").findValuesAsText("name")).contains(server.path("port").asText());
            }
        }
        Set<String> routes = linkerd(r, "HTTPRoute").stream().map(Chart.Rendered::name).collect(Collectors.toSet());
        for (ObjectNode route : linkerd(r, "HTTPRoute")) {
            assertThat(route.path("spec").path("parentRefs").findValuesAsText("name")).containsExactly(Chart.Rendered.name(servers.get(0)));
        }
        Set<String> targeted = new java.util.HashSet<>();
        for (ObjectNode policy : r.ofKind("AuthorizationPolicy")) {
            JsonNode target = policy.path("spec").path("targetRef");
            assertThat(target.path("kind").asText()).isEqualTo("HTTPRoute");
            assertThat(routes).contains(target.path("name").asText());
            targeted.add(target.path("name").asText());
            for (JsonNode authn : policy.path("spec").path("requiredAuthenticationRefs")) {
                assertThat(r.find(authn.path("kind").asText(), authn.path("name").asText())).as(authn.toString()).isPresent();
            }
        }
        assertThat(targeted).as("a route without a policy would refuse everyone").isEqualTo(routes);
    }

    @Test
    void offByDefaultAndWithTheMeshOptInAlone() {
        Set<String> policyKinds = Set.of("PeerAuthentication", "AuthorizationPolicy", "Server", "MeshTLSAuthentication", "NetworkAuthentication");
        for (Chart.Rendered r : List.of(Chart.render(), Chart.render(Chart.example("service-mesh.yaml")),
                Chart.render(Map.of("serviceMesh.istio.enabled", true)))) {
            assertThat(r.objects()).noneMatch(o -> policyKinds.contains(o.path("kind").asText()));
            assertThat(r.names("ServiceAccount")).containsExactlyInAnyOrder("juliet", "romeo");
        }
    }

    // ---- the README's table -----------------------------------------------------------------------------

    static List<Row> table() throws IOException {
        List<String> lines = Files.readAllLines(Chart.DIR.resolve("README.md"));
        int heading = lines.indexOf("#### What each policy admits");
        assertThat(heading).as("the README's heading \"What each policy admits\"").isNotNegative();
        int header = heading;
        while (!lines.get(header).startsWith("| Caller |")) {
            header++;
        }
        List<String> columns = cells(lines.get(header));
        assertThat(columns).containsExactly("Caller", "Identity", "Request", "Istio", "Linkerd");
        List<Row> rows = new ArrayList<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            List<String> c = cells(lines.get(i));
            rows.add(new Row(c.get(0), c.get(1), c.get(2), Map.of("istio", verdict(c.get(3)), "linkerd", verdict(c.get(4)))));
        }
        return rows;
    }

    private static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        for (String cell : line.substring(1, line.length() - 1).split("\\|")) {
            out.add(cell.trim());
        }
        return out;
    }

    private static boolean verdict(String cell) {
        if (cell.startsWith("admitted")) {
            return true;
        }
        assertThat(cell).as("a verdict cell").startsWith("refused");
        return false;
    }

    /** The requests a row stands for, from the caller named in it. */
    private static List<Request> requests(Row row, Chart.Rendered r, Path example) throws IOException {
        List<String[]> calls = new ArrayList<>();
        if (row.request().equals("any path")) {
            calls.addAll(ANY_PATH);
        } else {
            Matcher m = REQUEST.matcher(row.request());
            assertThat(m.matches()).as("request cell " + row.request()).isTrue();
            calls.add(new String[]{m.group(1), m.group(2)});
        }
        List<Request> out = new ArrayList<>();
        for (String[] call : calls) {
            String method = call[0];
            String path = call[1];
            out.add(switch (row.caller()) {
                case "Romeo" -> Request.meshed(NS, r.pod("Deployment/romeo").spec().path("serviceAccountName").asText(), method, path);
                case "`helm test` pods" -> Request.meshed(NS,
                        r.pod("Pod/test-romeo-reaches-juliet-service").spec().path("serviceAccountName").asText(), method, path);
                case "Routing proxies, meshed" -> proxy(example, method, path);
                case "Metrics scraper outside the mesh" -> Request.plain("10.244.3.7", method, path);
                case "The kubelet's probes" -> Request.kubeletProbe(path);
                case "Another pod in the mesh" -> Request.meshed(NS, "intruder", method, path);
                case "A pod outside the mesh" -> Request.plain("10.244.5.5", method, path);
                default -> throw new AssertionError("the README's table names a caller this test does not know: " + row.caller());
            });
        }
        return out;
    }

    /** A proxy pod of the example: one of routingServiceAccounts, else any identity of the Gateway's namespace. */
    private static Request proxy(Path example, String method, String path) throws IOException {
        JsonNode accounts = Chart.YAML.readTree(example.toFile()).path("serviceMesh").path("authorization").path("routingServiceAccounts");
        if (accounts.size() > 0) {
            String[] account = accounts.get(0).asText().split("/");
            return Request.meshed(account[0], account[1], method, path);
        }
        String gatewayNamespace = Chart.YAML.readTree(Chart.DIR.resolve("values.yaml").toFile())
                .path("routing").path("gatewayApi").path("parentRefs").get(0).path("namespace").asText();
        return Request.meshed(gatewayNamespace, "internal-gateway-istio", method, path);
    }

    private static MeshPolicyEvaluator evaluator(String mesh, Chart.Rendered r, Chart.PodView juliet) {
        return mesh.equals("istio") ? MeshPolicyEvaluator.istio(r, juliet, TRUST_DOMAIN) : MeshPolicyEvaluator.linkerd(r, juliet, TRUST_DOMAIN);
    }

    private static List<Chart.PodView> juliets(Chart.Rendered r) {
        List<Chart.PodView> pods = r.pods().stream().filter(p -> "juliet".equals(p.labels().get("app.kubernetes.io/component"))).toList();
        assertThat(pods).hasSizeGreaterThanOrEqualTo(2);
        return pods;
    }

    private static List<ObjectNode> linkerd(Chart.Rendered r, String kind) {
        return r.ofKind(kind).stream().filter(o -> o.path("apiVersion").asText().startsWith("policy.linkerd.io/")).toList();
    }
}
