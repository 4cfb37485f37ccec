package io.github.romeojuliet.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The chart under test, rendered by real Helm (helm-java). Renders are cached per values file and
 * overrides, so each example is rendered once however many test classes look at it.
 */
public final class Chart {

    public static final String RELEASE = "rj";
    public static final String NAMESPACE = "default";
    /** The chart's lowest supported Kubernetes version: what renders here must work there. */
    public static final String KUBE_VERSION = "1.30.0";

    public static final Path DIR = Path.of(System.getProperty("chart.dir", "romeo-juliet")).toAbsolutePath().normalize();
    public static final Path EXAMPLES = DIR.resolve("examples");

    static final YAMLMapper YAML = new YAMLMapper();
    private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();

    static {
        // helm-java unpacks its native Helm library into jna.tmpdir, which must exist first.
        String jnaTmp = System.getProperty("jna.tmpdir");
        try {
            if (jnaTmp != null) {
                Files.createDirectories(Path.of(jnaTmp));
            }
            String snappyTmp = System.getProperty("org.xerial.snappy.tempdir");
            if (snappyTmp != null) {
                Files.createDirectories(Path.of(snappyTmp));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Chart() {
    }

    public static Helm helm() {
        return new Helm(DIR);
    }

    /** Every example values file shipped in the chart's examples/ folder. */
    public static List<Path> examples() {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path example(String fileName) {
        Path p = EXAMPLES.resolve(fileName);
        if (!Files.exists(p)) {
            throw new IllegalArgumentException("no example " + p);
        }
        return p;
    }

    /** The chart with its defaults. */
    public static Rendered render() {
        return render(null, Map.of());
    }

    public static Rendered render(Path valuesFile) {
        return render(valuesFile, Map.of());
    }

    public static Rendered render(Map<String, Object> sets) {
        return render(null, sets);
    }

    /** Renders like {@code helm template rj charts/romeo-juliet -n default -f valuesFile --set k=v}. */
    public static Rendered render(Path valuesFile, Map<String, Object> sets) {
        return renderAs(RELEASE, valuesFile, sets);
    }

    /** Renders like {@code helm template RELEASE charts/romeo-juliet -n default -f valuesFile --set k=v}. */
    public static Rendered renderAs(String release, Path valuesFile, Map<String, Object> sets) {
        String key = release + "|" + valuesFile + "|" + new java.util.TreeMap<>(sets);
        return CACHE.computeIfAbsent(key, k -> Rendered.parse(template(release, valuesFile, sets)));
    }

    /**
     * The raw manifest text, hooks included, as {@code helm template} prints it.
     * <p>
     * helm-java's template returns only the release manifest and drops hooks, which would hide the helm test
     * pods. So the chart is rendered from a copy whose test templates carry their hook annotation under a
     * stand-in key, and the output gets the real key back: the text is what the Helm CLI prints.
     */
    public static String template(Path valuesFile, Map<String, Object> sets) {
        return template(RELEASE, valuesFile, sets);
    }

    static String template(String release, Path valuesFile, Map<String, Object> sets) {
        TemplateCommand cmd = new Helm(hooksExposed()).template()
                .withName(release)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        if (valuesFile != null) {
            cmd = cmd.withValuesFile(valuesFile);
        }
        for (Map.Entry<String, Object> set : new LinkedHashMap<>(sets).entrySet()) {
            cmd = cmd.set(set.getKey(), set.getValue());
        }
        return cmd.call().replace(HOOK_STAND_IN, HOOK_KEY);
    }

    private static final String HOOK_KEY = "helm.sh/hook";
    private static final String HOOK_STAND_IN = "hooks-exposed.romeo-juliet.test/hook";
    private static Path hooksExposed;

    private static synchronized Path hooksExposed() {
        if (hooksExposed == null) {
            hooksExposed = copyChart(Path.of("target", "hooks-exposed").toAbsolutePath(), (rel, text) ->
                    rel.startsWith("templates/tests/") ? text.replace(HOOK_KEY, HOOK_STAND_IN) : text);
        }
        return hooksExposed;
    }

    /** Copies the chart under {@code base}, passing each file's text through {@code edit}; returns the copy. */
    static Path copyChart(Path base, java.util.function.BinaryOperator<String> edit) {
        try {
            Files.createDirectories(base);
            Path dir = Files.createTempDirectory(base, "chart-").resolve(DIR.getFileName());
            try (Stream<Path> files = Files.walk(DIR)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    String rel = DIR.relativize(p).toString().replace('\\', '/');
                    Path target = dir.resolve(rel);
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.writeString(target, edit.apply(rel, Files.readString(p)));
                    }
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** NOTES.txt as helm install prints it (a client-only dry run: nothing is sent anywhere). */
    public static String notes(Path valuesFile) {
        var install = helm().install().withName(RELEASE).withNamespace(NAMESPACE).withKubeVersion(KUBE_VERSION)
                .clientOnly().dryRun();
        if (valuesFile != null) {
            install = install.withValuesFile(valuesFile);
        }
        return install.call().getOutput();
    }

    /** The error Helm gives for values it must reject; fails the test when Helm renders them instead. */
    public static String renderError(Path valuesFile) {
        try {
            template(valuesFile, Map.of());
        } catch (RuntimeException e) {
            return e.getMessage();
        }
        throw new AssertionError("helm template accepted " + valuesFile + " but should have rejected it");
    }

    /** All rendered objects, in order. */
    public record Rendered(List<ObjectNode> objects) {

        static Rendered parse(String manifest) {
            List<ObjectNode> docs = new ArrayList<>();
            try (var it = YAML.readerFor(JsonNode.class).<JsonNode>readValues(manifest)) {
                while (it.hasNext()) {
                    JsonNode doc = it.next();
                    if (doc instanceof ObjectNode o && !o.isEmpty()) {
                        docs.add(o);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("helm rendered invalid YAML:\n" + manifest, e);
            }
            return new Rendered(List.copyOf(docs));
        }

        public List<ObjectNode> ofKind(String kind) {
            return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
        }

        public ObjectNode get(String kind, String name) {
            return find(kind, name).orElseThrow(() -> new AssertionError(
                    "no " + kind + " named " + name + " in the render; found " + names(kind)));
        }

        public java.util.Optional<ObjectNode> find(String kind, String name) {
            return ofKind(kind).stream().filter(o -> name.equals(name(o))).findFirst();
        }

        public List<String> names(String kind) {
            return ofKind(kind).stream().map(Rendered::name).toList();
        }

        public static String name(JsonNode o) {
            return o.path("metadata").path("name").asText();
        }

        /**
         * Every pod the render would create: the pod templates of Deployments and StatefulSets and the bare
         * Pods (helm test hooks), each with the labels it runs with.
         */
        public List<PodView> pods() {
            List<PodView> pods = new ArrayList<>();
            for (ObjectNode o : objects) {
                String kind = o.path("kind").asText();
                if (kind.equals("Deployment") || kind.equals("StatefulSet")) {
                    pods.add(new PodView(kind + "/" + name(o), (ObjectNode) o.path("spec").path("template")));
                } else if (kind.equals("Pod")) {
                    pods.add(new PodView("Pod/" + name(o), o));
                }
            }
            return pods;
        }

        public PodView pod(String owner) {
            return pods().stream().filter(p -> p.owner().equals(owner)).findFirst()
                    .orElseThrow(() -> new AssertionError("no pod from " + owner + " in " + pods().stream().map(PodView::owner).toList()));
        }
    }

    /** A pod as the render describes it: metadata plus spec. */
    public record PodView(String owner, ObjectNode template) {

        public Map<String, String> labels() {
            return strings(template.path("metadata").path("labels"));
        }

        public JsonNode spec() {
            return template.path("spec");
        }

        /** App containers first, then init containers (native sidecars among them). */
        public List<JsonNode> allContainers() {
            List<JsonNode> all = new ArrayList<>();
            spec().path("containers").forEach(all::add);
            spec().path("initContainers").forEach(all::add);
            return all;
        }

        public JsonNode container(String name) {
            return allContainers().stream().filter(c -> name.equals(c.path("name").asText())).findFirst()
                    .orElseThrow(() -> new AssertionError("no container " + name + " in " + owner));
        }

        public boolean hasContainer(String name) {
            return allContainers().stream().anyMatch(c -> name.equals(c.path("name").asText()));
        }

        /** Value of an env var of a container, or null when it is not set. */
        public String env(String container, String var) {
            for (JsonNode e : container(container).path("env")) {
                if (var.equals(e.path("name").asText())) {
                    return e.has("value") ? e.path("value").asText() : "<valueFrom>";
                }
            }
            return null;
        }
    }

    public static Map<String, String> strings(JsonNode map) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }
}
