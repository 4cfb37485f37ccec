package io.github.romeojuliet.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes JSON schemas for the rendered objects.
 * <ul>
 *   <li>Built-in kinds, Gateway API's HTTPRoute and the Prometheus Operator's ServiceMonitor and PodMonitor
 *   (openshift-model-monitoring): the validation-schema.json files inside the fabric8
 *   kubernetes-model-* 6.13.4 jars (the gatewayapi jar carries HTTPRoute). fabric8 marks every object as open
 *   ({@code additionalProperties: true}) and models IntOrString and Quantity as Java objects, so the schemas are
 *   tightened here: unknown fields are rejected, and IntOrString / Quantity / Time take their wire types.</li>
 *   <li>Istio's PeerAuthentication and AuthorizationPolicy: schema/istio-schema.json in fabric8's
 *   istio-model-v1beta1 6.13.4, read the same way. It models Istio's enums as the integers of their protobuf
 *   form and leaves metadata and maps untyped, so those get their wire types too: the enum names as strings,
 *   ObjectMeta, and the map values' own definitions.</li>
 *   <li>Traefik's IngressRoute and TraefikService, and Linkerd's policy kinds: no schema for them is on Maven
 *   Central, so src/test/resources/schemas holds hand-written ones covering the fields this chart uses, also
 *   closed.</li>
 * </ul>
 */
final class KubeSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] MODEL_JARS = {"core", "apps", "networking", "policy", "autoscaling", "gatewayapi", "monitoring", "istio"};
    private static final Map<String, String> HAND_WRITTEN = Map.of(
            "traefik.io/v1alpha1/IngressRoute", "/schemas/traefik-ingressroute.json",
            "traefik.io/v1alpha1/TraefikService", "/schemas/traefik-traefikservice.json",
            "policy.linkerd.io/v1beta3/Server", "/schemas/linkerd-server.json",
            "policy.linkerd.io/v1beta2/HTTPRoute", "/schemas/linkerd-httproute.json",
            "policy.linkerd.io/v1alpha1/MeshTLSAuthentication", "/schemas/linkerd-meshtlsauthentication.json",
            "policy.linkerd.io/v1alpha1/NetworkAuthentication", "/schemas/linkerd-networkauthentication.json",
            "policy.linkerd.io/v1alpha1/AuthorizationPolicy", "/schemas/linkerd-authorizationpolicy.json");
    private static final String OBJECT_META = "kubernetes_apimachinery_pkg_apis_ObjectMeta";
    private static final Pattern JAVA_MAP = Pattern.compile("java\\.util\\.Map<[^,]+,\\s*([^>]+)>");

    private static final ObjectNode DEFINITIONS = JsonNodeFactory.instance.objectNode();
    /** "apiVersion/kind" to the definition that describes it. */
    private static final Map<String, String> BY_GVK = new HashMap<>();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

    static {
        ObjectNode istio = JsonNodeFactory.instance.objectNode();
        try {
            for (URL url : Collections.list(KubeSchemas.class.getClassLoader().getResources("schema/validation-schema.json"))) {
                try (InputStream in = url.openStream()) {
                    JsonNode schema = JSON.readTree(in);
                    schema.path("definitions").fields().forEachRemaining(e -> DEFINITIONS.set(e.getKey(), e.getValue()));
                }
            }
            try (InputStream in = KubeSchemas.class.getClassLoader().getResourceAsStream("schema/istio-schema.json")) {
                if (in != null) {
                    JSON.readTree(in).path("definitions").fields().forEachRemaining(e -> istio.set(e.getKey(), e.getValue()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (istio.isEmpty()) {
            throw new IllegalStateException("schema/istio-schema.json missing from the test classpath: expected fabric8's istio-model-v1beta1 jar");
        }
        wireTypesOfIstio(istio);
        DEFINITIONS.setAll(istio);
        if (DEFINITIONS.size() < 500) {
            throw new IllegalStateException("fabric8 schemas missing from the test classpath: expected the "
                    + String.join(", ", MODEL_JARS) + " model jars, found " + DEFINITIONS.size() + " definitions");
        }
        List<String> names = new ArrayList<>();
        DEFINITIONS.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            ObjectNode def = (ObjectNode) DEFINITIONS.get(name);
            JsonNode wire = wireType(name);
            if (wire != null) {
                DEFINITIONS.set(name, wire);
                continue;
            }
            close(def);
            String apiVersion = def.path("properties").path("apiVersion").path("default").asText("");
            String kind = def.path("properties").path("kind").path("default").asText("");
            if (!apiVersion.isEmpty() && !kind.isEmpty()) {
                BY_GVK.putIfAbsent(apiVersion + "/" + kind, name);
            }
        }
    }

    private KubeSchemas() {
    }

    /** Schema errors of one rendered object; empty when it is valid. */
    static List<String> validate(JsonNode object) {
        String gvk = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
        if (gvk.startsWith("argoproj.io/")) {
            // Argo's schema comes from npm; where it is not installed, ArgoAnalysisTemplateTest says so by skipping.
            return ArgoSchemas.validate(object).orElse(List.of());
        }
        JsonSchema schema = SCHEMAS.computeIfAbsent(gvk, KubeSchemas::load);
        Set<ValidationMessage> errors = schema.validate(object);
        return errors.stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static JsonSchema load(String gvk) {
        ObjectNode root;
        if (HAND_WRITTEN.containsKey(gvk)) {
            try (InputStream in = KubeSchemas.class.getResourceAsStream(HAND_WRITTEN.get(gvk))) {
                root = (ObjectNode) JSON.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            root.set("definitions", DEFINITIONS);
        } else {
            String def = BY_GVK.get(gvk);
            if (def == null) {
                throw new AssertionError("no schema for " + gvk + ": the chart renders a kind the tests cannot check");
            }
            root = JsonNodeFactory.instance.objectNode();
            root.put("$schema", "http://json-schema.org/draft-07/schema#");
            root.put("$ref", "#/definitions/" + def);
            root.set("definitions", DEFINITIONS);
        }
        return FACTORY.getSchema(root);
    }

    /**
     * Istio's definitions as the API server takes them: enums by name (fabric8 keeps the protobuf numbers),
     * metadata as ObjectMeta and maps with their value types (fabric8 names both only as Java types), and
     * closed like the rest (fabric8 leaves additionalProperties out of them altogether).
     */
    private static void wireTypesOfIstio(ObjectNode istio) {
        Map<String, String> byJavaType = new HashMap<>();
        istio.fields().forEachRemaining(e -> byJavaType.put(e.getValue().path("javaType").asText(), e.getKey()));
        List<String> names = new ArrayList<>();
        istio.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode def = istio.get(name);
            if (def.has("javaEnums")) {
                ObjectNode strings = JsonNodeFactory.instance.objectNode().put("type", "string");
                ArrayNode values = strings.putArray("enum");
                def.path("javaEnums").forEach(v -> values.add(v.path("name").asText()));
                istio.set(name, strings);
            } else {
                typeJavaOnlyProperties(def, byJavaType);
            }
        }
    }

    private static void typeJavaOnlyProperties(JsonNode node, Map<String, String> byJavaType) {
        if (!(node instanceof ObjectNode o)) {
            return;
        }
        String javaType = o.path("existingJavaType").asText("");
        if (!o.has("$ref") && !o.has("type") && javaType.equals("io.fabric8.kubernetes.api.model.ObjectMeta")) {
            o.put("$ref", "#/definitions/" + OBJECT_META);
        }
        if (o.has("properties") && !o.has("additionalProperties")) {
            o.put("additionalProperties", false);
        }
        Matcher map = JAVA_MAP.matcher(javaType);
        if (map.matches() && !o.has("additionalProperties")) {
            String value = map.group(1).trim();
            if (value.equals("String")) {
                o.putObject("additionalProperties").put("type", "string");
            } else if (byJavaType.containsKey(value)) {
                o.putObject("additionalProperties").put("$ref", "#/definitions/" + byJavaType.get(value));
            }
        }
        o.elements().forEachRemaining(child -> typeJavaOnlyProperties(child, byJavaType));
    }

    /** What the API server accepts on the wire for fabric8's hand-modelled types. */
    private static JsonNode wireType(String definition) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (definition.endsWith("_IntOrString")) {
            node.set("type", types("integer", "string"));
        } else if (definition.endsWith("_Quantity")) {
            node.set("type", types("string", "number"));
        } else if (definition.endsWith("_Time") || definition.endsWith("_MicroTime")) {
            node.put("type", "string");
        } else if (definition.endsWith("_FieldsV1") || definition.endsWith("_RawExtension")
                || definition.endsWith("_JSON") || definition.endsWith("_Patch")) {
            return node; // free-form
        } else {
            return null;
        }
        return node;
    }

    private static ArrayNode types(String... types) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (String t : types) {
            array.add(t);
        }
        return array;
    }

    /**
     * Rejects unknown fields wherever fabric8 lists the known ones, and drops fabric8's boolean "required"
     * markers, which are draft-3 syntax that draft 7 does not read.
     */
    private static void close(JsonNode node) {
        if (node instanceof ObjectNode o) {
            if (o.has("properties") && o.path("additionalProperties").isBoolean()) {
                o.put("additionalProperties", false);
            }
            if (o.path("required").isBoolean()) {
                o.remove("required");
            }
            for (Iterator<JsonNode> it = o.elements(); it.hasNext(); ) {
                close(it.next());
            }
        } else if (node instanceof ArrayNode a) {
            a.forEach(KubeSchemas::close);
        }
    }
}
