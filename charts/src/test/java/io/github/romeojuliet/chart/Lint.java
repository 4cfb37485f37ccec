package io.github.romeojuliet.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * helm lint --strict. helm-java's lint takes no values file, so linting with an example means linting a copy
 * of the chart whose values.yaml is the defaults with the example merged over them, as Helm itself merges
 * (maps key by key, anything else replaced).
 */
final class Lint {

    private Lint() {
    }

    static LintResult strict(Path valuesFile) {
        if (valuesFile == null) {
            return Chart.helm().lint().strict().call();
        }
        Path copy = copyWithValues(valuesFile);
        return new Helm(copy).lint().strict().call();
    }

    private static Path copyWithValues(Path valuesFile) {
        try {
            Path dir = Chart.copyChart(Path.of("target", "lint").toAbsolutePath(), (rel, text) -> text);
            ObjectNode defaults = (ObjectNode) Chart.YAML.readTree(Chart.DIR.resolve("values.yaml").toFile());
            JsonNode overrides = Chart.YAML.readTree(valuesFile.toFile());
            merge(defaults, overrides);
            Chart.YAML.writeValue(dir.resolve("values.yaml").toFile(), defaults);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void merge(ObjectNode into, JsonNode from) {
        for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode existing = into.get(e.getKey());
            if (existing instanceof ObjectNode target && e.getValue().isObject()) {
                merge(target, e.getValue());
            } else {
                into.set(e.getKey(), e.getValue());
            }
        }
    }
}
