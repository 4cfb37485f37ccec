package io.github.romeojuliet.chart;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chart's alert and recording rules as a plain Prometheus rules file: the PrometheusRule's spec, for a
 * Prometheus without the Operator (what {@code make rules} writes and promtool reads).
 */
public final class PlainRules {

    /** Block scalars and bare words where YAML allows them, so the file reads like one written by hand. */
    private static final YAMLMapper RULES_YAML = new YAMLMapper(
            YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                    .build());

    private PlainRules() {
    }

    /**
     * The spec of the PrometheusRule rendered from the values file with the rules on. A plain Prometheus labels
     * its targets itself, with no namespace label: the cluster discovery the rules need is switched on only to
     * pass the chart's checks, and the rules are not narrowed to a namespace.
     */
    public static String render(Path valuesFile, Map<String, Object> sets) {
        Map<String, Object> all = new LinkedHashMap<>(Map.of("metrics.rules.enabled", true,
                "metrics.discovery", "podMonitor", "networkPolicy.metricsScraper.enabled", true,
                "metrics.rules.namespaced", false));
        all.putAll(sets);
        return of(Chart.render(valuesFile, all));
    }

    /** The spec of the one PrometheusRule in a render, as YAML. */
    public static String of(Chart.Rendered rendered) {
        List<ObjectNode> rules = rendered.ofKind("PrometheusRule");
        if (rules.size() != 1) {
            throw new IllegalStateException("expected one PrometheusRule in the render, found " + rules.size());
        }
        JsonNode spec = rules.get(0).path("spec");
        try {
            return RULES_YAML.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
