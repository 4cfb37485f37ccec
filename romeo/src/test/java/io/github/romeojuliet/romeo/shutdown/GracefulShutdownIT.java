package io.github.romeojuliet.romeo.shutdown;

import static io.github.romeojuliet.common.testing.PackagedService.assertAllAnswered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.github.romeojuliet.common.testing.PackagedService;
import io.github.romeojuliet.romeo.support.ScriptedJuliet;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
    private static final String CALL = "/call-juliet";
    private static final String ANSWER = "Hello Romeo, this is Juliet.";
    private static final int IN_FLIGHT = 5;

    @Test
    void sigtermLetsEveryCallInFlightFinishAndExitsZero() throws Exception {
        try (ScriptedJuliet juliet = new ScriptedJuliet(); PackagedService romeo = start("romeo-graceful-shutdown", juliet)) {
            List<CompletableFuture<HttpResponse<String>>> inFlight = callsInFlight(romeo);
            Instant stopAsked = romeo.stop();

            romeo.awaitReadinessDown(stopAsked);
            assertAllAnswered(inFlight, ANSWER);
            int exitCode = romeo.awaitExit(Duration.ofSeconds(15));
            assertEquals(0, exitCode, () -> "exit code after a stop asked for with SIGTERM:\n" + romeo.log());
            assertTrue(romeo.log().contains("romeo stopped in"), "no clean stop in the log");
        }
    }

    @Test
    void aSecondSigtermOrASigintDuringTheStopDoesNotCutItShort() throws Exception {
        assumeFalse(PackagedService.startsWithSigintIgnored(), "Romeo would start with SIGINT ignored");
        try (ScriptedJuliet juliet = new ScriptedJuliet(); PackagedService romeo = start("romeo-graceful-shutdown-signals", juliet)) {
            romeo.assertLaterSignalsDoNotCutTheStopShort(callsInFlight(romeo), ANSWER, DRAIN_DELAY);
        }
    }

    @Test
    void aStopWhoseTimeoutCutsCallsSaysHowManyAndExitsNonZero() throws Exception {
        try (ScriptedJuliet juliet = new ScriptedJuliet();
             PackagedService romeo = PackagedService.start("romeo-graceful-shutdown-cut", PackagedService.javaJar(APP), Map.of(
                     "QUARKUS_REST_CLIENT_JULIET_URL", juliet.url(),
                     "QUARKUS_SHUTDOWN_DELAY", "0s",
                     "QUARKUS_SHUTDOWN_TIMEOUT", "500ms"))) {
            romeo.send(CALL); // warm: the cut calls are the slow ones below
            juliet.answerLateBy(1500); // past the shutdown timeout; the calls run on towards their 2 s deadline
            romeo.assertStopCutsCalls(romeo.callsInFlight(CALL, IN_FLIGHT));
        }
    }

    private static PackagedService start(String name, ScriptedJuliet juliet) throws Exception {
        juliet.answerLateBy(JULIET_LATE_BY_MILLIS);
        return PackagedService.start(name, PackagedService.javaJar(APP), Map.of(
                "QUARKUS_REST_CLIENT_JULIET_URL", juliet.url(),
                "QUARKUS_SHUTDOWN_DELAY", DRAIN_DELAY.toMillis() + "ms"));
    }

    private static List<CompletableFuture<HttpResponse<String>>> callsInFlight(PackagedService romeo) throws Exception {
        for (int warmUp = 0; warmUp < 2; warmUp++) { // a cold first call may miss the read timeout
            romeo.send(CALL);
        }
        return romeo.callsInFlight(CALL, IN_FLIGHT);
    }
}
