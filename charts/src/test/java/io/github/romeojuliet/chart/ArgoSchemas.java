package io.github.romeojuliet.chart;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Argo Rollouts objects against the schema Argo publishes through npm (@kubernetes-models/argo-rollouts, generated
 * from its CRDs): node runs the package's validator on each object. make test installs nothing, so where node or
 * the package is missing there is no answer; make chart-tools (and CI) install the package into .cache/.
 */
final class ArgoSchemas {

    static final Path MODULES = Path.of(System.getProperty("argo.models",
            "../.cache/argo-rollouts-models/node_modules")).toAbsolutePath().normalize();
    private static final Path SCRIPT = Path.of("src/test/node/validate-argo-rollouts.mjs").toAbsolutePath();

    private ArgoSchemas() {
    }

    /** Why the check cannot run here, or empty when it can. */
    static Optional<String> unavailable() {
        if (node().isEmpty()) {
            return Optional.of("node not found on PATH");
        }
        if (!Files.isDirectory(MODULES.resolve("@kubernetes-models/argo-rollouts"))) {
            return Optional.of("@kubernetes-models/argo-rollouts is not installed in " + MODULES
                    + " (make chart-tools installs it)");
        }
        return Optional.empty();
    }

    /** The schema's complaints about the object (empty when it is valid), or empty when the check cannot run. */
    static Optional<List<String>> validate(JsonNode object) {
        if (unavailable().isPresent()) {
            return Optional.empty();
        }
        try {
            Path file = Files.createTempFile(Files.createDirectories(Path.of("target", "argo-schemas").toAbsolutePath()), "object-", ".json");
            Files.writeString(file, object.toString());
            Process p = new ProcessBuilder(node().get(), SCRIPT.toString(), MODULES.toString(), file.toString())
                    .redirectErrorStream(true).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() > 1) {
                throw new IllegalStateException("the Argo Rollouts schema check did not run: " + out);
            }
            return Optional.of(p.exitValue() == 0 ? List.of() : Arrays.stream(out.split("\n"))
                    .filter(line -> !line.isBlank()).map(line -> line.substring(line.indexOf(": ") + 2)).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> node() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "node"))) {
                return Optional.of(Path.of(dir, "node").toString());
            }
        }
        return Optional.empty();
    }
}
