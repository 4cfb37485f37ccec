package io.github.romeojuliet.chart;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Just enough of a Kubernetes API server on loopback for Helm's server-side dry run: the version, discovery of
 * the groups the chart's objects use (and any extra group, such as OpenShift's security.openshift.io/v1), no
 * release history and no objects. It stands in for a cluster, which this machine cannot run.
 */
final class FakeKubeApi implements AutoCloseable {

    /** Group versions and their resources (plural name to kind), as discovery serves them. */
    private static final Map<String, Map<String, String>> CORE = Map.of(
            "apps/v1", Map.of("deployments", "Deployment", "statefulsets", "StatefulSet"),
            "policy/v1", Map.of("poddisruptionbudgets", "PodDisruptionBudget"),
            "networking.k8s.io/v1", Map.of("networkpolicies", "NetworkPolicy", "ingresses", "Ingress"),
            "autoscaling/v2", Map.of("horizontalpodautoscalers", "HorizontalPodAutoscaler"));
    private static final Map<String, String> V1 = Map.of("services", "Service", "serviceaccounts", "ServiceAccount",
            "configmaps", "ConfigMap", "secrets", "Secret", "pods", "Pod", "namespaces", "Namespace");

    private final HttpServer server;
    private final Map<String, Map<String, String>> groups = new java.util.HashMap<>(CORE);
    final List<String> requests = new CopyOnWriteArrayList<>();

    FakeKubeApi(Map<String, Map<String, String>> extraGroups) throws IOException {
        groups.putAll(extraGroups);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String kubeconfig() {
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: fake
                    cluster:
                      server: %s
                contexts:
                  - name: fake
                    context:
                      cluster: fake
                      user: fake
                      namespace: default
                current-context: fake
                users:
                  - name: fake
                    user:
                      token: fake
                """.formatted(url);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
        String body;
        int status = 200;
        if (path.equals("/version")) {
            body = "{\"major\":\"1\",\"minor\":\"30\",\"gitVersion\":\"v1.30.0\",\"platform\":\"linux/amd64\"}";
        } else if (path.equals("/api")) {
            body = "{\"kind\":\"APIVersions\",\"versions\":[\"v1\"],\"serverAddressByClientCIDRs\":[]}";
        } else if (path.equals("/apis")) {
            StringBuilder list = new StringBuilder("{\"kind\":\"APIGroupList\",\"apiVersion\":\"v1\",\"groups\":[");
            String sep = "";
            for (String gv : groups.keySet()) {
                String group = gv.substring(0, gv.indexOf('/'));
                list.append(sep).append("{\"name\":\"").append(group).append("\",\"versions\":[{\"groupVersion\":\"").append(gv)
                        .append("\",\"version\":\"").append(gv.substring(gv.indexOf('/') + 1)).append("\"}],\"preferredVersion\":{\"groupVersion\":\"")
                        .append(gv).append("\",\"version\":\"").append(gv.substring(gv.indexOf('/') + 1)).append("\"}}");
                sep = ",";
            }
            body = list.append("]}").toString();
        } else if (path.equals("/api/v1")) {
            body = resources("v1", V1);
        } else if (path.startsWith("/apis/") && groups.containsKey(path.substring("/apis/".length()))) {
            String gv = path.substring("/apis/".length());
            body = resources(gv, groups.get(gv));
        } else if (path.equals("/openapi/v2")) {
            // An empty OpenAPI document: client-side validation finds no schema and leaves the objects to the server.
            exchange.getResponseHeaders().add("Content-Type", "application/com.github.proto-openapi.spec.v2.v1.0+protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
            return;
        } else if (path.endsWith("/secrets") && exchange.getRequestMethod().equals("GET")) {
            body = "{\"kind\":\"SecretList\",\"apiVersion\":\"v1\",\"metadata\":{},\"items\":[]}";
        } else {
            status = 404;
            body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"reason\":\"NotFound\",\"code\":404}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String resources(String groupVersion, Map<String, String> kinds) {
        StringBuilder out = new StringBuilder("{\"kind\":\"APIResourceList\",\"apiVersion\":\"v1\",\"groupVersion\":\"")
                .append(groupVersion).append("\",\"resources\":[");
        String sep = "";
        for (Map.Entry<String, String> r : kinds.entrySet()) {
            boolean namespaced = !r.getKey().equals("namespaces") && !r.getKey().equals("securitycontextconstraints");
            out.append(sep).append("{\"name\":\"").append(r.getKey()).append("\",\"singularName\":\"\",\"namespaced\":").append(namespaced)
                    .append(",\"kind\":\"").append(r.getValue()).append("\",\"verbs\":[\"create\",\"delete\",\"get\",\"list\",\"patch\",\"update\",\"watch\"]}");
            sep = ",";
        }
        return out.append("]}").toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
