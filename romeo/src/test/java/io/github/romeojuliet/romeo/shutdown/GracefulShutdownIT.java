package io.github.romeojuliet.romeo.shutdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.romeojuliet.romeo.support.FreePorts;
import io.github.romeojuliet.romeo.support.ScriptedJuliet;
import java.io.IOException;
import java.math.BigInteger;
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
 * The packaged Romeo told to stop (SIGTERM) while its calls to a slow Juliet are in flight: its
 * readiness turns DOWN at once, every call in flight still gets Juliet's greeting, and the process
 * ends with exit code 0, as a stop that went as planned. Signals sent while that stop runs do not
 * cut it short.
 */
class GracefulShutdownIT {

    private static final Path APP = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Duration DRAIN_DELAY = Duration.ofSeconds(1);
    private static final long JULIET_LATE_BY_MILLIS = 500;
    private static final int IN_FLIGHT = 5;
    private static final int SIGINT = 2;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void sigtermLetsEveryCallInFlightFinishAndExitsZero() throws Exception {
        try (ScriptedJuliet juliet = new ScriptedJuliet()) {
            juliet.answerLateBy(JULIET_LATE_BY_MILLIS);
            int port = FreePorts.next();
            Path log = Path.of("target", "romeo-graceful-shutdown-" + port + ".log");
            Process romeo = start(port, juliet, log);
            try {
                String url = "http://localhost:" + port;
                awaitReady(url, romeo, log);
                List<CompletableFuture<HttpResponse<String>>> inFlight = callsInFlight(url);
                Instant stopAsked = Instant.now();
                romeo.destroy(); // SIGTERM

                awaitReadinessDown(url, stopAsked);
                assertAllAnswered(inFlight);
                assertTrue(romeo.waitFor(15, TimeUnit.SECONDS), "Romeo did not end");
                assertEquals(0, romeo.exitValue(), () -> "exit code after a stop asked for with SIGTERM:\n" + read(log));
                assertTrue(Files.readString(log).contains("romeo stopped in"), "no clean stop in the log");
            } finally {
                romeo.destroyForcibly();
            }
        }
    }

    @Test
    void aSecondSigtermOrASigintDuringTheStopDoesNotCutItShort() throws Exception {
        try (ScriptedJuliet juliet = new ScriptedJuliet()) {
            juliet.answerLateBy(JULIET_LATE_BY_MILLIS);
            int port = FreePorts.next();
            Path log = Path.of("target", "romeo-graceful-shutdown-signals-" + port + ".log");
            Process romeo = start(port, juliet, log);
            try {
                String url = "http://localhost:" + port;
                awaitReady(url, romeo, log);
                // A JVM started with SIGINT ignored (a background job of a shell without job
                // control) keeps ignoring it, and sending one would prove nothing.
                assumeTrue(catches(romeo, SIGINT), "this Romeo was started with SIGINT ignored");

                List<CompletableFuture<HttpResponse<String>>> inFlight = callsInFlight(url);
                Instant stopAsked = Instant.now();
                romeo.destroy();
                awaitReadinessDown(url, stopAsked);
                signal(romeo, "TERM");
                signal(romeo, "INT");

                assertAllAnswered(inFlight);
                assertTrue(romeo.waitFor(15, TimeUnit.SECONDS), "Romeo did not end");
                Duration stopping = Duration.between(stopAsked, Instant.now());
                assertTrue(stopping.compareTo(DRAIN_DELAY) >= 0, () -> "the later signals cut the drain short: " + stopping);
                assertEquals(0, romeo.exitValue(), () -> "exit code of the stop the first SIGTERM asked for:\n" + read(log));
            } finally {
                romeo.destroyForcibly();
            }
        }
    }

    private static Process start(int port, ScriptedJuliet juliet, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", APP.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("QUARKUS_REST_CLIENT_JULIET_URL", juliet.url());
        builder.environment().put("QUARKUS_SHUTDOWN_DELAY", DRAIN_DELAY.toMillis() + "ms");
        return builder.start();
    }

    private static List<CompletableFuture<HttpResponse<String>>> callsInFlight(String url) throws Exception {
        for (int warmUp = 0; warmUp < 2; warmUp++) { // a cold first call may miss the read timeout
            HTTP.send(get(url + "/call-juliet"), HttpResponse.BodyHandlers.discarding());
        }
        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int call = 0; call < IN_FLIGHT; call++) {
            inFlight.add(HTTP.sendAsync(get(url + "/call-juliet"), HttpResponse.BodyHandlers.ofString()));
        }
        Thread.sleep(300); // the calls now wait on Juliet
        return inFlight;
    }

    /** The signal takes a moment to reach the JVM; well under the drain delay, readiness is DOWN. */
    private static void awaitReadinessDown(String url, Instant stopAsked) throws Exception {
        while (HTTP.send(get(url + "/q/health/ready"), HttpResponse.BodyHandlers.discarding()).statusCode() != 503) {
            assertTrue(Duration.between(stopAsked, Instant.now()).compareTo(Duration.ofMillis(500)) < 0,
                    "readiness must turn DOWN at once");
            Thread.sleep(20);
        }
    }

    private static void assertAllAnswered(List<CompletableFuture<HttpResponse<String>>> inFlight) throws Exception {
        for (CompletableFuture<HttpResponse<String>> call : inFlight) {
            HttpResponse<String> answer = call.get(10, TimeUnit.SECONDS);
            assertEquals(200, answer.statusCode(), answer::body);
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

    private static void awaitReady(String url, Process romeo, Path log) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            assertTrue(romeo.isAlive(), () -> "Romeo exited:\n" + read(log));
            try {
                if (HTTP.send(get(url + "/q/health/ready"), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Romeo was not ready within 60 s:\n" + read(log));
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
