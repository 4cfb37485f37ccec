package io.github.romeojuliet.chart;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rendered object, hooks included, against its Kubernetes (or CRD) schema with unknown fields rejected. */
class KubernetesSchemaTest {

    @Test
    void defaultRenderIsValidKubernetes() {
        assertValid(Chart.render());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.github.romeojuliet.chart.Chart#examples")
    void everyExampleRendersValidKubernetes(Path example) {
        assertValid(Chart.render(example));
    }

    /** The combinations issue 27 found broken, each switched on as an SRE would. */
    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> issue27Combinations() {
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("forward log output under Romeo's egress limit", Chart.example("native-sidecars.yaml"), java.util.Map.of(
                        "logSidecar.output.name", "forward", "logSidecar.output.properties.Host", "fluentd.logging",
                        "networkPolicy.romeoEgress.enabled", true, "networkPolicy.romeoEgress.logBackend.namespaceSelector.team", "logging",
                        "networkPolicy.romeoEgress.logBackend.ports[0]", 24224)),
                org.junit.jupiter.params.provider.Arguments.of("Linkerd under default deny", Chart.example("mesh-linkerd.yaml"), java.util.Map.of("networkPolicy.defaultDeny", true)),
                org.junit.jupiter.params.provider.Arguments.of("Istio under Romeo's egress limit", Chart.example("mesh-istio.yaml"), java.util.Map.of("networkPolicy.romeoEgress.enabled", true)),
                org.junit.jupiter.params.provider.Arguments.of("Traefik, wildcard host, path routes to /", Chart.example("traefik.yaml"), java.util.Map.of(
                        "routing.host", "*.juliet.internal", "routing.paths.web.path", "/", "routing.paths.web.service", "romeo-service")),
                org.junit.jupiter.params.provider.Arguments.of("nginx, wildcard host", Chart.example("ab-cookie.yaml"), java.util.Map.of("routing.host", "*.juliet.internal")),
                org.junit.jupiter.params.provider.Arguments.of("Service port 8080 on path routes", Chart.example("path-routes.yaml"), java.util.Map.of("juliet.service.port", 8080)),
                org.junit.jupiter.params.provider.Arguments.of("Romeo's extra ingress under default deny", Chart.example("production.yaml"), java.util.Map.of(
                        "networkPolicy.romeoExtraIngress[0].from[0].ipBlock.cidr", "10.0.0.0/8", "networkPolicy.ingressNSPodMatchLabels.role", "client")),
                org.junit.jupiter.params.provider.Arguments.of("OpenShift, every pod", Chart.example("sidecars.yaml"), java.util.Map.of(
                        "global.compatibility.openshift.adaptSecurityContext", "force")),
                org.junit.jupiter.params.provider.Arguments.of("overrides", Chart.example("statefulset.yaml"), java.util.Map.of(
                        "fullnameOverride", "green", "nameOverride", "verona", "namespaceOverride", "verona")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("issue27Combinations")
    void issue27CombinationsRenderValidKubernetes(String name, Path example, java.util.Map<String, Object> sets) {
        assertValid(Chart.render(example, sets));
    }

    @Test
    void theCheckRejectsUnknownFieldsAndWrongTypes() {
        ObjectNode service = Chart.render().get("Service", "juliet-service").deepCopy();
        ((ObjectNode) service.path("spec")).put("selecter", "typo");
        assertThat(KubeSchemas.validate(service)).anySatisfy(m -> assertThat(m).contains("selecter"));

        ObjectNode deployment = Chart.render().get("Deployment", "juliet-v1").deepCopy();
        ((ObjectNode) deployment.path("spec")).put("replicas", "three");
        assertThat(KubeSchemas.validate(deployment)).anySatisfy(m -> assertThat(m).contains("replicas"));
    }

    @Test
    void theCheckCoversTheCrdKindsToo() {
        ObjectNode route = Chart.render(Chart.example("traefik.yaml")).get("IngressRoute", "internal-ingress").deepCopy();
        ((ObjectNode) route.path("spec")).put("tls", "yes");
        assertThat(KubeSchemas.validate(route)).isNotEmpty();

        ObjectNode httpRoute = Chart.render(Chart.example("gateway-api.yaml")).get("HTTPRoute", "internal-ingress").deepCopy();
        ((ObjectNode) httpRoute.path("spec").path("rules").get(0)).put("weight", 3);
        assertThat(KubeSchemas.validate(httpRoute)).isNotEmpty();
    }

    @Test
    void theCheckHoldsIstiosObjectsToFabric8sIstioSchema() {
        Chart.Rendered r = Chart.render(Chart.example("mesh-istio.yaml"));
        ObjectNode peer = r.get("PeerAuthentication", "juliet-mtls").deepCopy();
        assertThat(KubeSchemas.validate(peer)).isEmpty();
        ((ObjectNode) peer.path("spec").path("mtls")).put("mode", "STRICTER");
        assertThat(KubeSchemas.validate(peer)).as("enum by name").anySatisfy(m -> assertThat(m).contains("mode"));
        ((ObjectNode) peer.path("spec").path("portLevelMtls").path("8080")).put("mode", "OPEN");
        ((ObjectNode) peer.path("spec")).put("mtlsMode", "STRICT");
        assertThat(KubeSchemas.validate(peer)).as("unknown fields and map values").hasSizeGreaterThanOrEqualTo(3);

        ObjectNode policy = r.get("AuthorizationPolicy", "juliet-callers").deepCopy();
        assertThat(KubeSchemas.validate(policy)).isEmpty();
        ((ObjectNode) policy.path("spec")).put("action", "PERMIT");
        ((ObjectNode) policy.path("spec").path("rules").get(0).path("from").get(0).path("source")).put("serviceAccount", "romeo");
        assertThat(KubeSchemas.validate(policy)).anySatisfy(m -> assertThat(m).contains("action"))
                .anySatisfy(m -> assertThat(m).contains("serviceAccount"));
        ((ObjectNode) policy.path("metadata")).put("nmae", "typo");
        assertThat(KubeSchemas.validate(policy)).as("metadata is ObjectMeta").anySatisfy(m -> assertThat(m).contains("nmae"));
    }

    @Test
    void theCheckHoldsLinkerdsObjectsToTheHandWrittenSchemas() {
        Chart.Rendered r = Chart.render(Chart.example("mesh-linkerd.yaml"));
        ObjectNode server = r.get("Server", "juliet-http").deepCopy();
        ((ObjectNode) server.path("spec")).put("proxyProtocol", "HTTP/3");
        assertThat(KubeSchemas.validate(server)).isNotEmpty();
        ObjectNode authn = r.get("MeshTLSAuthentication", "juliet-callers").deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) authn.path("spec").path("identities")).add("Romeo@default");
        assertThat(KubeSchemas.validate(authn)).isNotEmpty();
        ObjectNode policy = r.ofKind("AuthorizationPolicy").get(0).deepCopy();
        ((ObjectNode) policy.path("spec").path("targetRef")).put("kind", "Service");
        assertThat(KubeSchemas.validate(policy)).isNotEmpty();
    }

    private static void assertValid(Chart.Rendered rendered) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode o : rendered.objects()) {
            for (String error : KubeSchemas.validate(o)) {
                problems.add(o.path("kind").asText() + "/" + Chart.Rendered.name(o) + ": " + error);
            }
        }
        assertThat(problems).isEmpty();
        assertThat(rendered.objects()).isNotEmpty();
    }

}
