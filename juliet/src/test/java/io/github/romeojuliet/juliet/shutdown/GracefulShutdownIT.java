package io.github.romeojuliet.juliet.shutdown;

import static io.github.romeojuliet.common.testing.PackagedService.assertAllAnswered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.github.romeojuliet.common.testing.PackagedService;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
    private static final String GREETING = "/romeo-please-call-me";
    private static final String ANSWER = "Hello Romeo, this is Juliet.";
    private static final int IN_FLIGHT = 5;

    @Test
    void sigtermDrainsThenFinishesEveryCallInFlightAndExitsZero() throws Exception {
        try (PackagedService juliet = start("graceful-shutdown")) {
            List<CompletableFuture<HttpResponse<String>>> inFlight = juliet.callsInFlight(GREETING, IN_FLIGHT);
            Instant stopAsked = juliet.stop();

            juliet.awaitReadinessDown(stopAsked);
            assertEquals(200, juliet.send(GREETING).statusCode(), "a new call during the drain delay must still be answered");

            assertAllAnswered(inFlight, ANSWER);
            int exitCode = juliet.awaitExit(Duration.ofSeconds(15));
            Duration stopping = Duration.between(stopAsked, Instant.now());
            assertTrue(stopping.compareTo(DRAIN_DELAY) >= 0, () -> "ended before the drain delay: " + stopping);
            assertEquals(0, exitCode, () -> "exit code after a stop asked for with SIGTERM:\n" + juliet.log());
            assertTrue(juliet.log().contains("juliet stopped in"), () -> "no clean stop in the log:\n" + juliet.log());
        }
    }

    @Test
    void aSecondSigtermOrASigintDuringTheStopDoesNotCutItShort() throws Exception {
        assumeFalse(PackagedService.startsWithSigintIgnored(), "Juliet would start with SIGINT ignored");
        try (PackagedService juliet = start("graceful-shutdown-signals")) {
            juliet.assertLaterSignalsDoNotCutTheStopShort(juliet.callsInFlight(GREETING, IN_FLIGHT), ANSWER, DRAIN_DELAY);
        }
    }

    @Test
    void aStopWhoseTimeoutCutsCallsSaysHowManyAndExitsNonZero() throws Exception {
        try (PackagedService juliet = PackagedService.start("graceful-shutdown-cut", packagedJuliet(), Map.of(
                "QUARKUS_SHUTDOWN_DELAY", "0s",
                "QUARKUS_SHUTDOWN_TIMEOUT", "1s",
                "JULIET_FAULT_LATENCY", "8s"))) {
            juliet.assertStopCutsCalls(juliet.callsInFlight(GREETING, IN_FLIGHT));
        }
    }

    private static PackagedService start(String name) throws Exception {
        return PackagedService.start(name, packagedJuliet(), Map.of(
                "QUARKUS_SHUTDOWN_DELAY", DRAIN_DELAY.toMillis() + "ms",
                "JULIET_FAULT_LATENCY", LATENCY.toMillis() + "ms"));
    }

    /** The native executable when this build made one (make test-native), the runnable jar otherwise. */
    private static List<String> packagedJuliet() {
        Path runner = Path.of(System.getProperty("native.image.path", "target/none"));
        if (!Files.isRegularFile(APP) && Files.isExecutable(runner)) {
            return List.of(runner.toString());
        }
        return PackagedService.javaJar(APP);
    }
}
