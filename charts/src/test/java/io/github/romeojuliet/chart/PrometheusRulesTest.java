package io.github.romeojuliet.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The A/B rules judged by Prometheus' own promtool: the rendered rules parse, and in the unit tests of
 * rules/rules-test.yml each alert fires on synthetic series where it should, only after its {@code for:}, and
 * stays silent where it should not.
 */
class PrometheusRulesTest {

    private static final Path WORK = Path.of("target", "prometheus-rules").toAbsolutePath();

    @Test
    void theExampleRulesPassPromtoolCheck() throws Exception {
        Path rules = write("ab-verdict", PlainRules.of(Chart.render(Chart.example("ab-verdict.yaml"))));
        String out = promtool("check", "rules", rules.toString());
        assertThat(out).contains("SUCCESS: 13 rules found");
    }

    @Test
    void eachAlertFiresAndStaysSilentWhereItShouldInPromtoolsUnitTests() throws Exception {
        Path dir = Files.createDirectories(WORK.resolve("unit"));
        Files.writeString(dir.resolve("rules.yml"), PlainRules.render(resource("values.yaml"), Map.of()));
        Path tests = dir.resolve("rules-test.yml");
        Files.copy(resource("rules-test.yml"), tests, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String out = promtool("test", "rules", tests.toString());
        assertThat(out).contains("SUCCESS");
    }

    @Test
    void everyAlertOfTheContractIsTestedByName() throws IOException {
        String tests = Files.readString(resource("rules-test.yml"));
        for (String alert : alertNames(Chart.render(Chart.example("ab-verdict.yaml")))) {
            assertThat(tests).as("a unit test for " + alert).contains("alertname: " + alert);
        }
    }

    @Test
    void thePrometheusRuleIsValidAgainstTheOperatorsSchemaAndCarriesTheMonitorLabels() {
        ObjectNode rule = Chart.render(Chart.example("ab-verdict.yaml")).ofKind("PrometheusRule").get(0);
        assertThat(KubeSchemas.validate(rule)).isEmpty();
        assertThat(rule.path("metadata").path("labels").path("release").asText()).isEqualTo("kube-prometheus-stack");
        ObjectNode broken = rule.deepCopy();
        ((ObjectNode) broken.path("spec").path("groups").get(0)).put("interval", 30);
        assertThat(KubeSchemas.validate(broken)).isNotEmpty();
    }

    @Test
    void theCanaryComparisonsNeedBothVariants() {
        List<String> oneVariant = alertNames(Chart.render(Map.of("metrics.rules.enabled", true,
                "metrics.discovery", "podMonitor", "networkPolicy.metricsScraper.enabled", true)));
        assertThat(oneVariant).containsExactly("JulietVariantErrorRatioHigh", "JulietVariantLatencyHigh", "RomeoCircuitOpen");
        assertThat(Chart.render().ofKind("PrometheusRule")).as("off by default").isEmpty();
    }

    /** Two releases in two namespaces each ship the rules: each must read only its own namespace's series. */
    @Test
    void everySelectorOfThePrometheusRuleReadsTheReleaseNamespaceOnly() {
        JsonNode groups = Chart.render(Chart.example("ab-verdict.yaml"), Map.of("namespaceOverride", "shop"))
                .ofKind("PrometheusRule").get(0).path("spec").path("groups");
        Pattern selector = Pattern.compile(
                "(juliet_greeting_seconds_[a-z]+|romeo_juliet_[a-z_]+|version:[a-z_:0-9]+)(\\{[^}]*\\})?");
        int seen = 0;
        for (JsonNode group : groups) {
            for (JsonNode rule : group.path("rules")) {
                Matcher m = selector.matcher(rule.path("expr").asText());
                while (m.find()) {
                    seen++;
                    assertThat(m.group(2)).as(rule.path("expr").asText()).contains("namespace=\"shop\"");
                }
            }
        }
        assertThat(seen).as("selectors seen").isGreaterThanOrEqualTo(20);
    }

    private static List<String> alertNames(Chart.Rendered rendered) {
        List<String> names = new ArrayList<>();
        for (JsonNode group : rendered.ofKind("PrometheusRule").get(0).path("spec").path("groups")) {
            group.path("rules").forEach(r -> {
                if (r.has("alert")) {
                    names.add(r.path("alert").asText());
                }
            });
        }
        return names;
    }

    private static Path resource(String name) {
        try {
            return Path.of(PrometheusRulesTest.class.getResource("/rules/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path write(String name, String text) throws IOException {
        Path file = Files.createDirectories(WORK).resolve(name + ".yml");
        Files.writeString(file, text);
        return file;
    }

    /** Runs promtool to the end and returns what it printed; fails the test on a non-zero exit. */
    private static String promtool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Tools.onPath("promtool",
                "install Debian's prometheus package (make chart-tools) to run it")));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
