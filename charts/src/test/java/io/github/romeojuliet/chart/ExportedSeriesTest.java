package io.github.romeojuliet.chart;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.github.romeojuliet.chart.Processes.awaitTrue;
import static io.github.romeojuliet.chart.Processes.freePort;
import static io.github.romeojuliet.chart.Processes.status;
import static io.github.romeojuliet.chart.Processes.stop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every series, label and label value the dashboard's panels and the chart's rules read is one the services
 * really export. The truth is a real scrape: the packaged Juliet and Romeo run as processes, Romeo calls Juliet
 * once, and their /q/metrics are read. Recording rules count as series with the labels they keep (namespace,
 * version); namespace, pod, version and variant are the target labels the chart's monitors add.
 */
class ExportedSeriesTest {

    private static final Path JULIET_JAR = Path.of(System.getProperty("juliet.jar", "../juliet/target/quarkus-app/quarkus-run.jar"));
    private static final Path ROMEO_JAR = Path.of(System.getProperty("romeo.jar", "../romeo/target/quarkus-app/quarkus-run.jar"));
    private static final Set<String> TARGET_LABELS = Set.of("namespace", "pod", "version", "variant");
    private static final Set<String> RECORDED_LABELS = Set.of("namespace", "version");
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+\\S+.*$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private static Process juliet;
    private static Process romeo;
    /** Metric name to label name to the values seen. */
    private static final Map<String, Map<String, Set<String>>> EXPORTED = new TreeMap<>();

    @BeforeAll
    static void scrapeJulietAndRomeoAfterOneCall() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "exported-series").toAbsolutePath());
        int julietPort = freePort();
        juliet = start(JULIET_JAR, julietPort, Map.of("JULIET_VERSION", "v1"), work.resolve("juliet.log"));
        int romeoPort = freePort();
        romeo = start(ROMEO_JAR, romeoPort, Map.of("QUARKUS_REST_CLIENT_JULIET_URL", "http://127.0.0.1:" + julietPort,
                "ROMEO_JULIET_VERSIONS", "v1"), work.resolve("romeo.log"));
        awaitTrue("Juliet ready (log: " + work.resolve("juliet.log") + ")", () -> status("http://127.0.0.1:" + julietPort + "/q/health/ready") == 200, juliet);
        awaitTrue("Romeo ready (log: " + work.resolve("romeo.log") + ")", () -> status("http://127.0.0.1:" + romeoPort + "/q/health/ready") == 200, romeo);
        assertThat(status("http://127.0.0.1:" + romeoPort + "/call-juliet")).as("Romeo's call to Juliet").isEqualTo(200);
        for (int port : new int[]{julietPort, romeoPort}) {
            read(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        }
    }

    @AfterAll
    static void stopBoth() throws InterruptedException {
        stop(romeo);
        stop(juliet);
    }

    @Test
    void everyDashboardQueryReadsExportedSeriesAndLabels() {
        Set<String> recorded = recordingRules().keySet();
        for (String query : DashboardTemplateTest.queries(DashboardTemplateTest.dashboard())) {
            assertExported("dashboard", query, recorded);
        }
    }

    @Test
    void everyRuleReadsExportedSeriesAndLabels() {
        Map<String, String> rules = recordingRules();
        rules.values().forEach(expr -> assertExported("recording rule", expr, rules.keySet()));
        for (JsonNode group : rule().path("spec").path("groups")) {
            group.path("rules").forEach(r -> {
                if (r.has("alert")) {
                    assertExported("alert " + r.path("alert").asText(), r.path("expr").asText(), rules.keySet());
                }
            });
        }
    }

    @Test
    void theQueryReaderFindsWhatAQueryReads() {
        PromQl q = PromQl.parse("sum by (namespace, version) (label_replace(rate(romeo_juliet_calls_seconds_count{juliet_version!=\"none\",outcome!=\"success\"}[1m]), \"version\", \"$1\", \"juliet_version\", \"(.*)\")) / ignoring (version) group_left version:x:rate{namespace=~\"$namespace\"} and on() up > 0.5");
        assertThat(q.metrics()).containsExactlyInAnyOrder("romeo_juliet_calls_seconds_count", "version:x:rate", "up");
        assertThat(q.labels()).containsExactlyInAnyOrder("namespace", "version", "juliet_version", "outcome");
        assertThat(q.matchers()).contains(new PromQl.LabelMatcher("romeo_juliet_calls_seconds_count", "outcome", "!=", "success"));
        assertThat(EXPORTED).as("the scrape itself").containsKey("jvm_threads_live_threads");
    }

    private static void assertExported(String where, String expr, Set<String> recorded) {
        PromQl q = PromQl.parse(expr);
        assertThat(q.metrics()).as(where + " reads some series: " + expr).isNotEmpty();
        Set<String> available = new HashSet<>(TARGET_LABELS);
        for (String metric : q.metrics()) {
            if (recorded.contains(metric)) {
                available.addAll(RECORDED_LABELS);
            } else {
                assertThat(EXPORTED).as(where + " reads " + metric + " in " + expr).containsKey(metric);
                available.addAll(EXPORTED.get(metric).keySet());
            }
        }
        assertThat(available).as(where + ": labels of " + expr).containsAll(q.labels());
        for (PromQl.LabelMatcher m : q.matchers()) {
            Map<String, Set<String>> labels = EXPORTED.get(m.metric());
            if (labels != null && !TARGET_LABELS.contains(m.label()) && (m.op().equals("=") || m.op().equals("!="))) {
                assertThat(labels.get(m.label())).as(where + ": values of " + m.metric() + "'s " + m.label()).contains(m.value());
            }
        }
    }

    private static JsonNode rule() {
        return Chart.render(Chart.example("ab-verdict.yaml")).ofKind("PrometheusRule").get(0);
    }

    private static Map<String, String> recordingRules() {
        Map<String, String> rules = new LinkedHashMap<>();
        for (JsonNode group : rule().path("spec").path("groups")) {
            group.path("rules").forEach(r -> {
                if (r.has("record")) {
                    rules.put(r.path("record").asText(), r.path("expr").asText());
                }
            });
        }
        assertThat(rules).hasSize(8);
        return rules;
    }

    private static void read(String exposition) {
        for (String line : exposition.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.matches()) {
                continue;
            }
            Map<String, Set<String>> labels = EXPORTED.computeIfAbsent(sample.group(1), k -> new HashMap<>());
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    labels.computeIfAbsent(label.group(1), k -> new TreeSet<>()).add(label.group(2));
                }
            }
        }
    }

    private static Process start(Path jar, int port, Map<String, String> env, Path log) throws IOException {
        if (!Files.isRegularFile(jar)) {
            fail("the packaged jar is missing at " + jar.toAbsolutePath() + ": build it first (the root build does: ./mvnw verify builds juliet and romeo before charts)");
        }
        ProcessBuilder builder = new ProcessBuilder("java", "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                "-jar", jar.toAbsolutePath().toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return builder.start();
    }
}
