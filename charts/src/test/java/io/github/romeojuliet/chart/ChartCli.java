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
 *   ChartCli rules values.yaml out.yml     the PrometheusRule's spec as a plain Prometheus rules file
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
                String manifest = orExit(() -> Chart.template(values(args[1]), Map.of()));
                Path out = write(args[2], manifest);
                System.out.println("Rendered " + Chart.Rendered.parse(manifest).objects().size() + " objects to " + shown(out));
            }
            case "rules" -> {
                if (args.length != 3) {
                    usage();
                }
                Path out = write(args[2], orExit(() -> PlainRules.render(values(args[1]), Map.of())));
                System.out.println("Wrote the chart's recording and alerting rules to " + out);
            }
            default -> usage();
        }
    }

    private static Path values(String arg) {
        return arg.isEmpty() ? null : Path.of(arg).toAbsolutePath();
    }

    /** Runs Helm; its refusal (bad values) is printed as one message and ends the command, without a stack trace. */
    private static String orExit(java.util.function.Supplier<String> helm) {
        try {
            return helm.get();
        } catch (IllegalStateException helmError) {
            System.err.println("Error: " + helmError.getMessage());
            System.exit(1);
            return null;
        }
    }

    private static Path write(String file, String text) throws java.io.IOException {
        Path out = Path.of(file);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, text);
        return out;
    }

    private static boolean report(String what, LintResult result) {
        System.out.println("==> helm lint --strict (" + what + "): " + (result.isFailed() ? "FAILED" : "ok"));
        result.getMessages().forEach(m -> System.out.println("    " + m));
        return result.isFailed();
    }

    private static void usage() {
        System.err.println("usage: ChartCli lint [values.yaml ...] | ChartCli template values.yaml out.yaml | ChartCli rules values.yaml out.yml");
        System.exit(2);
    }

    /** The path as the user's shell would name it: relative to where make runs, when it lies below. */
    private static Path shown(Path path) {
        Path here = Path.of("").toAbsolutePath();
        Path absolute = path.toAbsolutePath();
        return absolute.startsWith(here) ? here.relativize(absolute) : absolute;
    }
}
