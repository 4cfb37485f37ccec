package io.github.romeojuliet.chart;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** helm lint --strict, as podinfo's CI runs it: once with the defaults, once per example values file. */
class ChartLintTest {

    @Test
    void defaultsPassStrictLint() {
        LintResult result = Lint.strict(null);
        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.github.romeojuliet.chart.Chart#examples")
    void everyExamplePassesStrictLint(Path example) {
        LintResult result = Lint.strict(example);
        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    }

    @Test
    void theChartShipsEveryScenarioTheIssueAsksFor() {
        assertThat(Chart.examples()).extracting(p -> p.getFileName().toString()).contains(
                "ab-weight.yaml", "ab-header.yaml", "ab-cookie.yaml", "path-routes.yaml", "gateway-api.yaml",
                "traefik.yaml", "statefulset.yaml", "sidecars.yaml", "native-sidecars.yaml", "production.yaml");
    }
}
