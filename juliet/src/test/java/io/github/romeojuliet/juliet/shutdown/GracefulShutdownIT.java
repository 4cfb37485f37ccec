package io.github.romeojuliet.juliet.shutdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged Juliet, as a process, told to stop (SIGTERM) while greetings are in flight: readiness
 * turns DOWN at once so Kubernetes stops sending her traffic, she keeps answering through the drain
 * delay, every call in flight gets its answer, and only then does the process end, with exit code 0
 * as a stop that went as planned. Signals sent while that stop runs do not cut it short.
 */
class GracefulShutdownIT {

    private static final Path APP = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Duration DRAIN_DELAY = Duration.ofSeconds(2);
    private static final Duration LATENCY = Duration.ofMillis(1500);
    private static final int IN_FLIGHT = 5;
    private static final int SIGINT = 2;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void sigtermDrainsThenFinishesEveryCallInFlightAndExitsZero() throws Exception {
        int port = freePort();
        Path log = Path.of("target", "graceful-shutdown-" + port + ".log");
        Process juliet = start(port, log);
        try {
            String url = "http://localhost:" + port;
            awaitReady(url, juliet, log);

            List<CompletableFuture<HttpResponse<String>>> inFlight = callsInFlight(url);
            Instant stopAsked = Instant.now();
            juliet.destroy(); // SIGTERM, as the kubelet sends it

            awaitReadinessDown(url, stopAsked);
            HttpResponse<String> duringDrain = send(url + "/romeo-please-call-me");
            assertEquals(200, duringDrain.statusCode(), "a new call during the drain delay must still be answered");

            assertAllAnswered(inFlight);
            assertTrue(juliet.waitFor(15, TimeUnit.SECONDS), "Juliet did not end after draining");
            Duration stopping = Duration.between(stopAsked, Instant.now());
            assertTrue(stopping.compareTo(DRAIN_DELAY) >= 0, () -> "ended before the drain delay: " + stopping);
            assertEquals(0, juliet.exitValue(), () -> "exit code after a stop asked for with SIGTERM:\n" + read(log));
            String output = Files.readString(log);
            assertTrue(output.contains("juliet stopped in"), () -> "no clean stop in the log:\n" + output);
        } finally {
            juliet.destroyForcibly();
        }
    }

    @Test
    void aSecondSigtermOrASigintDuringTheStopDoesNotCutItShort() throws Exception {
        int port = freePort();
        Path log = Path.of("target", "graceful-shutdown-signals-" + port + ".log");
        Process juliet = start(port, log);
        try {
            String url = "http://localhost:" + port;
            awaitReady(url, juliet, log);
            // A JVM started with SIGINT ignored (a background job of a shell without job control)
            // keeps ignoring it, and sending one would prove nothing.
            assumeTrue(catches(juliet, SIGINT), "this Juliet was started with SIGINT ignored");

            List<CompletableFuture<HttpResponse<String>>> inFlight = callsInFlight(url);
            Instant stopAsked = Instant.now();
            juliet.destroy();
            awaitReadinessDown(url, stopAsked);
            signal(juliet, "TERM");
            signal(juliet, "INT");

            assertAllAnswered(inFlight);
            assertTrue(juliet.waitFor(15, TimeUnit.SECONDS), "Juliet did not end after draining");
            Duration stopping = Duration.between(stopAsked, Instant.now());
            assertTrue(stopping.compareTo(DRAIN_DELAY) >= 0, () -> "the later signals cut the drain short: " + stopping);
            assertEquals(0, juliet.exitValue(), () -> "exit code of the stop the first SIGTERM asked for:\n" + read(log));
        } finally {
            juliet.destroyForcibly();
        }
    }

    private static Process start(int port, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(packagedJuliet())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("QUARKUS_SHUTDOWN_DELAY", DRAIN_DELAY.toMillis() + "ms");
        builder.environment().put("JULIET_FAULT_LATENCY", LATENCY.toMillis() + "ms");
        return builder.start();
    }

    /** The native executable when this build made one (make test-native), the runnable jar otherwise. */
    private static List<String> packagedJuliet() {
        Path runner = Path.of(System.getProperty("native.image.path", "target/none"));
        if (!Files.isRegularFile(APP) && Files.isExecutable(runner)) {
            return List.of(runner.toString());
        }
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", APP.toString());
    }

    private static List<CompletableFuture<HttpResponse<String>>> callsInFlight(String url) throws InterruptedException {
        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int call = 0; call < IN_FLIGHT; call++) {
            inFlight.add(HTTP.sendAsync(get(url + "/romeo-please-call-me"), HttpResponse.BodyHandlers.ofString()));
        }
        Thread.sleep(300); // the calls are now waiting out the injected latency
        return inFlight;
    }

    /** The signal takes a moment to reach the process; well within the drain delay, readiness is DOWN. */
    private static void awaitReadinessDown(String url, Instant stopAsked) throws Exception {
        while (send(url + "/q/health/ready").statusCode() != 503) {
            assertTrue(Duration.between(stopAsked, Instant.now()).compareTo(Duration.ofMillis(500)) < 0,
                    "readiness must turn DOWN at once");
            Thread.sleep(20);
        }
    }

    private static void assertAllAnswered(List<CompletableFuture<HttpResponse<String>>> inFlight) throws Exception {
        for (CompletableFuture<HttpResponse<String>> call : inFlight) {
            HttpResponse<String> answer = call.get(10, TimeUnit.SECONDS);
            assertEquals(200, answer.statusCode());
            assertEquals("Hello Romeo, this is Juliet.", answer.body());
        }
    }

    private static void signal(Process process, String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
        assertTrue(kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0, "could not send SIG" + name);
    }

    /** Whether the process has a handler of its own for the signal (Linux: SigCgt in /proc). */
    private static boolean catches(Process process, int signal) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("SigCgt:")) {
                return new BigInteger(line.substring("SigCgt:".length()).trim(), 16).testBit(signal - 1);
            }
        }
        return false;
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build();
    }

    private static HttpResponse<String> send(String url) throws IOException, InterruptedException {
        return HTTP.send(get(url), HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitReady(String url, Process juliet, Path log) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            assertTrue(juliet.isAlive(), () -> "Juliet exited:\n" + read(log));
            try {
                if (send(url + "/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Juliet was not ready within 60 s:\n" + read(log));
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
