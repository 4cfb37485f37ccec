package io.github.romeojuliet.romeo.shutdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.romeojuliet.romeo.support.FreePorts;
import io.github.romeojuliet.romeo.support.ScriptedJuliet;
import java.io.IOException;
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
 * readiness turns DOWN at once, and every call in flight still gets Juliet's greeting.
 */
class GracefulShutdownIT {

    private static final Path APP = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final long JULIET_LATE_BY_MILLIS = 500;
    private static final int IN_FLIGHT = 5;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void sigtermLetsEveryCallInFlightFinish() throws Exception {
        try (ScriptedJuliet juliet = new ScriptedJuliet()) {
            juliet.answerLateBy(JULIET_LATE_BY_MILLIS);
            int port = FreePorts.next();
            Path log = Path.of("target", "romeo-graceful-shutdown-" + port + ".log");
            ProcessBuilder builder = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", APP.toString()))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
            builder.environment().put("QUARKUS_REST_CLIENT_JULIET_URL", juliet.url());
            builder.environment().put("QUARKUS_SHUTDOWN_DELAY", "1s");
            Process romeo = builder.start();
            try {
                String url = "http://localhost:" + port;
                awaitReady(url, romeo, log);
                for (int warmUp = 0; warmUp < 2; warmUp++) { // a cold first call may miss the read timeout
                    HTTP.send(get(url + "/call-juliet"), HttpResponse.BodyHandlers.discarding());
                }
                List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
                for (int call = 0; call < IN_FLIGHT; call++) {
                    inFlight.add(HTTP.sendAsync(get(url + "/call-juliet"), HttpResponse.BodyHandlers.ofString()));
                }
                Thread.sleep(300); // the calls now wait on Juliet
                romeo.destroy(); // SIGTERM

                // The signal takes a moment to reach the JVM; well under the 1 s drain, readiness is DOWN.
                assertTrue(readinessDownWithin(url, Duration.ofMillis(500)), "readiness must turn DOWN at once");
                for (CompletableFuture<HttpResponse<String>> call : inFlight) {
                    HttpResponse<String> answer = call.get(10, TimeUnit.SECONDS);
                    assertEquals(200, answer.statusCode(), answer::body);
                    assertEquals("Hello Romeo, this is Juliet.", answer.body());
                }
                assertTrue(romeo.waitFor(15, TimeUnit.SECONDS), "Romeo did not end");
                assertTrue(Files.readString(log).contains("romeo stopped in"), "no clean stop in the log");
            } finally {
                romeo.destroyForcibly();
            }
        }
    }

    private static boolean readinessDownWithin(String url, Duration limit) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        do {
            if (HTTP.send(get(url + "/q/health/ready"), HttpResponse.BodyHandlers.discarding()).statusCode() == 503) {
                return true;
            }
            Thread.sleep(20);
        } while (Instant.now().isBefore(deadline));
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
