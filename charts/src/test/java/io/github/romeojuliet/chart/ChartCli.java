package io.github.romeojuliet.chart;

import com.marcnuri.helm.LintResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the Makefile's chart-lint and chart-template targets run: real Helm through helm-java, so neither
 * target needs a helm binary on the machine.
 * <pre>
 *   ChartCli lint [values.yaml ...]        helm lint --strict, once with the defaults and once per values file
 *   ChartCli template values.yaml out.yaml helm template rj -n default -f values.yaml &gt; out.yaml
 * </pre>
 */
public final class ChartCli {

    private ChartCli() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        switch (args[0]) {
            case "lint" -> {
                boolean failed = report("defaults", Lint.strict(null));
                for (int i = 1; i < args.length; i++) {
                    failed |= report(args[i], Lint.strict(Path.of(args[i]).toAbsolutePath()));
                }
                System.exit(failed ? 1 : 0);
            }
            case "template" -> {
                if (args.length != 3) {
                    usage();
                }
                Path values = args[1].isEmpty() ? null : Path.of(args[1]).toAbsolutePath();
                String manifest;
                try {
                    manifest = Chart.template(values, Map.of());
                } catch (IllegalStateException helmError) {
                    System.err.println("Error: " + helmError.getMessage());
                    System.exit(1);
                    return;
                }
                Path out = Path.of(args[2]);
                if (out.getParent() != null) {
                    Files.createDirectories(out.getParent());
                }
                Files.writeString(out, manifest);
                System.out.println("Rendered " + Chart.Rendered.parse(manifest).objects().size() + " objects to " + out);
            }
            default -> usage();
        }
    }

    private static boolean report(String what, LintResult result) {
        System.out.println("==> helm lint --strict (" + what + "): " + (result.isFailed() ? "FAILED" : "ok"));
        result.getMessages().forEach(m -> System.out.println("    " + m));
        return result.isFailed();
    }

    private static void usage() {
        System.err.println("usage: ChartCli lint [values.yaml ...] | ChartCli template values.yaml out.yaml");
        System.exit(2);
    }
}
