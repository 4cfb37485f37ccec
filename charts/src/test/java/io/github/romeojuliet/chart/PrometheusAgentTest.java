package io.github.romeojuliet.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xerial.snappy.Snappy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static io.github.romeojuliet.chart.Processes.awaitTrue;
import static io.github.romeojuliet.chart.Processes.freePort;
import static io.github.romeojuliet.chart.Processes.status;
import static io.github.romeojuliet.chart.Processes.stop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The metrics sidecar for real: the Prometheus config the chart renders passes promtool, and Prometheus in agent
 * mode, started with the rendered arguments, scrapes a running Juliet and remote-writes samples to a receiver
 * in this test. Prometheus and promtool are Debian's (package prometheus); Juliet is the packaged jar the root
 * build makes before this module.
 */
class PrometheusAgentTest {

    private static final Path JULIET_JAR = Path.of(System.getProperty("juliet.jar", "../juliet/target/quarkus-app/quarkus-run.jar"));

    private static Path work;
    private static Process juliet;
    private static int julietPort;

    @BeforeAll
    static void startJuliet() throws Exception {
        work = Files.createDirectories(Path.of("target", "prometheus-agent").toAbsolutePath());
        if (!Files.isRegularFile(JULIET_JAR)) {
            fail("Juliet's jar is missing at " + JULIET_JAR.toAbsolutePath()
                    + ": build it first (the root build does: ./mvnw verify builds juliet before charts)");
        }
        julietPort = freePort();
        juliet = new ProcessBuilder("java", "-Dquarkus.http.port=" + julietPort, "-jar", JULIET_JAR.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("juliet.log").toFile())
                .start();
        awaitTrue("Juliet ready on port " + julietPort + " (log: " + work.resolve("juliet.log") + ")",
                () -> status("http://127.0.0.1:" + julietPort + "/q/health/ready") == 200, juliet);
    }

    @AfterAll
    static void stopJuliet() throws InterruptedException {
        stop(juliet);
    }

    @Test
    void renderedConfigPassesPromtool() throws Exception {
        Path config = work.resolve("promtool-check.yml");
        Files.writeString(config, renderedConfig());
        Process promtool = new ProcessBuilder(tool("promtool"), "check", "config", config.toString())
                .redirectErrorStream(true).start();
        String out = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(promtool.exitValue()).as(out).isZero();
        assertThat(out).contains("SUCCESS");
    }

    @Test
    void agentScrapesJulietAndRemoteWritesTheSamples() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/api/v1/write", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                byte[] bytes = body.readAllBytes();
                if ("snappy".equals(exchange.getRequestHeaders().getFirst("Content-Encoding")) && bytes.length > 0) {
                    // Remote write is a snappy-compressed protobuf WriteRequest; label names and values sit in it
                    // as plain strings, which is all this check reads.
                    received.add(new String(Snappy.uncompress(bytes), StandardCharsets.ISO_8859_1));
                }
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        Process agent = null;
        try {
            Path dir = Files.createTempDirectory(work, "agent-");
            Path config = dir.resolve("prometheus.yml");
            Files.writeString(config, pointedAtTheTest(renderedConfig(), receiver.getAddress().getPort()));

            ProcessBuilder builder = new ProcessBuilder(agentCommand(config, dir.resolve("wal")))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("prometheus.log").toFile());
            // What the downward API gives the sidecar in a cluster.
            builder.environment().putAll(java.util.Map.of("POD_NAME", "juliet-v1-7d9f8-abcde", "POD_VERSION", "v1", "POD_VARIANT", "v1"));
            agent = builder.start();
            Process running = agent;
            awaitTrue("remote-write samples of Juliet's metrics (agent log: " + dir.resolve("prometheus.log") + ")",
                    () -> received.stream().anyMatch(body -> body.contains("jvm_") && body.contains("juliet")), running);

            String batch = received.stream().filter(b -> b.contains("jvm_")).findFirst().orElseThrow();
            assertThat(batch).contains("__name__").contains("job").contains("juliet-waiting-for-romeo-to-call");
            assertThat(batch).as("each series names its pod and variant, so replicas do not collide at the receiver")
                    .contains("pod").contains("juliet-v1-7d9f8-abcde").contains("variant");
        } finally {
            stop(agent);
            receiver.stop(0);
        }
    }

    /** The prometheus.yml of Juliet's metrics sidecar, from the sidecars example. */
    private static String renderedConfig() {
        ObjectNode cm = Chart.render(Chart.example("sidecars.yaml")).get("ConfigMap", "juliet-prometheus-agent");
        return cm.path("data").path("prometheus.yml").asText();
    }

    /**
     * The rendered config with only what a test machine needs changed: the scrape target's port (Juliet runs on
     * a free port here, not 8080), the remote-write URL (the receiver above), and a short scrape interval.
     */
    private static String pointedAtTheTest(String rendered, int receiverPort) throws IOException {
        ObjectNode config = (ObjectNode) Chart.YAML.readTree(rendered);
        ((ObjectNode) config.path("global")).put("scrape_interval", "1s");
        JsonNode target = config.path("scrape_configs").get(0).path("static_configs").get(0).path("targets");
        assertThat(target.get(0).asText()).isEqualTo("localhost:8080");
        ((ArrayNode) target).removeAll().add("localhost:" + julietPort);
        ((ObjectNode) config.path("remote_write").get(0)).put("url", "http://127.0.0.1:" + receiverPort + "/api/v1/write");
        return Chart.YAML.writeValueAsString(config);
    }

    /**
     * The sidecar's rendered arguments with the paths of this machine. The chart runs Prometheus 3, whose agent
     * mode is {@code --agent}; Debian 12 ships 2.x, where the same mode is {@code --enable-feature=agent}.
     */
    private static List<String> agentCommand(Path config, Path wal) throws Exception {
        JsonNode container = Chart.render(Chart.example("sidecars.yaml")).pod("Deployment/juliet-v1").container("metrics-sidecar");
        boolean v2 = version().startsWith("2.");
        List<String> command = new ArrayList<>(List.of(tool("prometheus")));
        for (JsonNode arg : container.path("args")) {
            String a = arg.asText();
            if (a.equals("--agent") && v2) {
                // 2.x also needs the flag that 3.x made the default: ${VAR} in external labels.
                command.add("--enable-feature=agent,expand-external-labels");
            } else if (a.startsWith("--config.file=")) {
                command.add("--config.file=" + config);
            } else if (a.startsWith("--storage.agent.path=")) {
                command.add("--storage.agent.path=" + wal);
            } else if (a.startsWith("--web.listen-address=")) {
                command.add("--web.listen-address=127.0.0.1:" + freePort());
            } else {
                command.add(a);
            }
        }
        assertThat(command).anyMatch(a -> a.equals("--agent") || a.startsWith("--enable-feature=agent"));
        return command;
    }

    private static String version() throws Exception {
        Process p = new ProcessBuilder(tool("prometheus"), "--version").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("version (\\d+\\.\\d+)").matcher(out);
        return m.find() ? m.group(1) : "";
    }

    /** make test installs nothing: without Prometheus this test is skipped, saying why; CI installs it. */
    private static String tool(String name) {
        return Tools.onPath(name, "install Debian's prometheus package (make chart-tools) to run it");
    }
}
