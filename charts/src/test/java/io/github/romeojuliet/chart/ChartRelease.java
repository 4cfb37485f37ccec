package io.github.romeojuliet.chart;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The chart's part of scripts/release.sh: real Helm through helm-java, so a release needs no helm binary.
 * <pre>
 *   ChartRelease package DIR                     helm package CHART -d DIR; prints the .tgz path
 *   ChartRelease push TGZ oci://HOST/PATH [--plain-http]
 *                                                helm push; prints Helm's "Pushed:" and "Digest:" lines
 *   ChartRelease template CHART VERSION OUT [--plain-http] [--set key=value ...]
 *                                                helm template rj CHART [--version VERSION] > OUT, where
 *                                                CHART is the checkout's folder or an oci:// reference
 * </pre>
 * --plain-http is for a registry on loopback without TLS, as make image-check starts. The renders use
 * the same release name, namespace and Kubernetes version as the chart tests, so a render of the pushed
 * chart and one of the checkout can be compared byte for byte.
 */
public final class ChartRelease {

    private static final String PLAIN_HTTP = "--plain-http";

    private ChartRelease() {
    }

    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        boolean plainHttp = a.contains(PLAIN_HTTP);
        try {
            switch (a.isEmpty() ? "" : a.get(0)) {
                case "package" -> {
                    need(a, 2);
                    Path dest = Files.createDirectories(Path.of(a.get(1)).toAbsolutePath());
                    Chart.helm().packageIt().withDestination(dest).call();
                    try (var files = Files.list(dest)) {
                        // helm package names it <name>-<version>.tgz; the folder is the release's own.
                        System.out.println(files.filter(p -> p.toString().endsWith(".tgz")).findFirst()
                                .orElseThrow(() -> new IllegalStateException("helm package wrote no .tgz to " + dest)));
                    }
                }
                case "push" -> {
                    need(a, 3);
                    var push = Helm.push().withChart(Path.of(a.get(1)).toAbsolutePath()).withRemote(URI.create(a.get(2)));
                    if (plainHttp) {
                        push.plainHttp();
                    }
                    System.out.println(push.call().strip());
                }
                case "template" -> {
                    need(a, 4);
                    String chart = a.get(1);
                    TemplateCommand template = chart.startsWith("oci://")
                            ? Helm.template(chart).withVersion(a.get(2))
                            : new Helm(Path.of(chart).toAbsolutePath()).template();
                    template.withName(Chart.RELEASE).withNamespace(Chart.NAMESPACE).withKubeVersion(Chart.KUBE_VERSION);
                    if (plainHttp) {
                        template.plainHttp();
                    }
                    for (int i = 4; i < a.size(); i++) {
                        if (a.get(i).equals("--set") && i + 1 < a.size()) {
                            String[] kv = a.get(++i).split("=", 2);
                            template.set(kv[0], kv.length > 1 ? kv[1] : "");
                        }
                    }
                    Path out = Path.of(a.get(3));
                    if (out.getParent() != null) {
                        Files.createDirectories(out.getParent());
                    }
                    String manifest = template.call();
                    Files.writeString(out, manifest);
                    System.out.println("Rendered " + Chart.Rendered.parse(manifest).objects().size() + " objects from " + chart + " to " + out);
                }
                default -> usage();
            }
        } catch (IllegalStateException helmError) {
            // helm-java reports Helm's own error as the message: one line, as Helm would print it.
            System.err.println("Error: " + helmError.getMessage());
            System.exit(1);
        }
    }

    private static void need(List<String> args, int count) {
        if (args.size() < count) {
            usage();
        }
    }

    private static void usage() {
        System.err.println("usage: ChartRelease package DIR | push TGZ oci://HOST/PATH [--plain-http]"
                + " | template CHART VERSION OUT [--plain-http] [--set key=value ...]");
        System.exit(2);
    }
}
