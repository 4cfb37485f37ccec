package io.github.romeojuliet.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * metrics.dashboard: the dashboards/romeo-juliet.json of the chart, shipped whole in a ConfigMap with the label
 * Grafana's sidecar looks for, and with a panel for every per-variant recording rule and the circuit state.
 * ExportedSeriesTest checks its queries against what the services export.
 */
class DashboardTemplateTest {

    static JsonNode dashboard() {
        try {
            return new ObjectMapper().readTree(Files.readString(Chart.DIR.resolve("dashboards/romeo-juliet.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every query of the dashboard: the panels' targets and the template variables'. */
    static List<String> queries(JsonNode dashboard) {
        List<String> queries = new ArrayList<>();
        dashboard.path("panels").forEach(p -> p.path("targets").forEach(t -> queries.add(t.path("expr").asText())));
        dashboard.path("templating").path("list").forEach(v -> {
            if (v.path("type").asText().equals("query")) {
                queries.add(v.path("query").path("query").asText());
            }
        });
        return queries;
    }

    @Test
    void theConfigMapCarriesTheSidecarsLabelAndTheWholeDashboard() throws IOException {
        ObjectNode cm = Chart.render(Chart.example("ab-verdict.yaml")).get("ConfigMap", "romeo-juliet-dashboard");
        assertThat(Chart.strings(cm.path("metadata").path("labels"))).containsEntry("grafana_dashboard", "1");
        assertThat(new ObjectMapper().readTree(cm.path("data").path("romeo-juliet.json").asText())).isEqualTo(dashboard());

        ObjectNode custom = Chart.render(Chart.example("ab-verdict.yaml"), Map.of("metrics.dashboard.labelKey", "grafana.com/dashboard",
                "metrics.dashboard.labelValue", "romeo", "metrics.dashboard.namespace", "monitoring"))
                .get("ConfigMap", "romeo-juliet-dashboard-default");
        assertThat(Chart.strings(custom.path("metadata").path("labels"))).containsEntry("grafana.com/dashboard", "romeo")
                .doesNotContainKey("grafana_dashboard");
        assertThat(custom.path("metadata").path("namespace").asText()).isEqualTo("monitoring");
        // Grafana's namespace holds every release's dashboard: two releases named alike in two namespaces differ by it.
        assertThat(Chart.render(Chart.example("ab-verdict.yaml"), Map.of("metrics.dashboard.namespace", "monitoring",
                "namespaceOverride", "shop")).find("ConfigMap", "romeo-juliet-dashboard-shop")).isPresent();
        assertThat(Chart.render().find("ConfigMap", "romeo-juliet-dashboard")).as("off by default").isEmpty();
    }

    @Test
    void everyVariantSeriesHasAPanelAndEveryPanelAQuery() {
        JsonNode d = dashboard();
        String all = String.join("\n", queries(d));
        for (String series : List.of("version:juliet_greetings:rate", "version:juliet_greetings_errors:ratio",
                "version:juliet_greeting_seconds:p50", "version:juliet_greeting_seconds:p99",
                "version:romeo_juliet_calls:rate", "version:romeo_juliet_calls_errors:ratio",
                "version:romeo_juliet_calls_seconds:p50", "version:romeo_juliet_calls_seconds:p99",
                "romeo_juliet_circuit_state")) {
            assertThat(all).as("a panel reads " + series).contains(series);
        }
        d.path("panels").forEach(p -> {
            if (!p.path("type").asText().equals("row")) {
                assertThat(p.path("targets")).as(p.path("title").asText()).isNotEmpty();
                p.path("targets").forEach(t -> assertThat(t.path("legendFormat").asText()).as("panels split by variant or state")
                        .containsAnyOf("{{version}}", "{{state}}"));
            }
        });
    }
}
