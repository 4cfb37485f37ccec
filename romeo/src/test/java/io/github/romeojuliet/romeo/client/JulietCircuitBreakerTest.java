package io.github.romeojuliet.romeo.client;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.romeojuliet.romeo.support.CallFigures;
import io.github.romeojuliet.romeo.support.InjectScriptedJuliet;
import io.github.romeojuliet.romeo.support.RomeoMetrics;
import io.github.romeojuliet.romeo.support.ScriptedJuliet;
import io.github.romeojuliet.romeo.support.ScriptedJulietResource;
import io.github.romeojuliet.romeo.support.TimedCall;
import io.github.romeojuliet.romeo.support.WarmRomeo;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The circuit breaker at production figures (see {@link CallFigures}): once half of the last 20
 * whole calls failed, Romeo answers 503 at once without calling Juliet, and after each pause of
 * 5 s lets exactly one trial call through, which opens the circuit for another pause if it fails
 * and closes it if it succeeds.
 */
@QuarkusTest
@WithTestResource(ScriptedJulietResource.class)
class JulietCircuitBreakerTest {

    private static final String CIRCUIT_IN = "(?s).*\\nromeo_juliet_circuit_state\\{state=\"%s\",?} 1\\.0\\n.*";
    // The test's probe must reach Romeo before the pause can have ended, even on a loaded machine.
    private static final Duration PROBE_MARGIN = Duration.ofMillis(500);
    private static final Duration PROBE_EVERY = Duration.ofMillis(250);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @InjectScriptedJuliet
    ScriptedJuliet juliet;

    @Inject
    CallFigures figures;

    @Inject
    CircuitBreakerMaintenance breakers;

    @TestHTTPResource("/call-juliet")
    URI callJuliet;

    @BeforeEach
    void warmRomeoWithAClosedCircuit() {
        WarmRomeo.against(juliet);
        closeCircuitForTheNextTest();
    }

    @AfterEach
    void closeCircuitForTheNextTest() {
        // The circuit is Romeo-wide: other tests in this Romeo must neither open it here nor find it open.
        breakers.resetAll();
        juliet.reset();
    }

    @Test
    void opensOnFailedCallsThenLetsOneTrialCallThroughAfterEachPause() throws Exception {
        juliet.behave(ScriptedJuliet.Behaviour.FAIL_500);
        double heldAgainstHer = RomeoMetrics.value(RomeoMetrics.BREAKER_FAILURES);
        // The window counts whole calls, not attempts: after the first half of the calls, up to three
        // attempts each, it holds too few calls to judge, so the second half still reaches her.
        failTogether(figures.breakerWindow() / 2);
        Instant lastHalfSent = Instant.now();
        failTogether(figures.breakerWindow() - figures.breakerWindow() / 2);
        Instant opened = Instant.now();
        // Fewer than three when the retry budget ran out (a loaded machine); never none.
        int reached = juliet.requests();
        assertTrue(reached >= figures.breakerWindow() && reached <= figures.breakerWindow() * figures.attempts(),
                () -> reached + " requests reached Juliet for " + figures.breakerWindow() + " failed calls");
        assertEquals(heldAgainstHer + figures.breakerWindow(), RomeoMetrics.value(RomeoMetrics.BREAKER_FAILURES),
                "each failed call counted once against Juliet, its retries not at all");
        given().accept("text/plain").get("/q/metrics").then().body(matchesPattern(CIRCUIT_IN.formatted("open")));

        // The last of those calls was sent at lastHalfSent, so the pause cannot end before lastHalfSent + pause.
        assertPausedUntil(lastHalfSent.plus(figures.breakerPause()).minus(PROBE_MARGIN), "after 20 failed calls");

        sleepUntil(opened.plus(figures.breakerPause()));
        int beforeTrial = juliet.requests();
        Instant trialSent = Instant.now();
        TimedCall failedTrial = TimedCall.callJuliet();
        Instant reopened = Instant.now();
        failedTrial.answer().then().statusCode(502).body("type", equalTo("urn:romeo-juliet:problem:bad-answer"));
        assertEquals(beforeTrial + figures.attempts(), juliet.requests(),
                "the first call after the pause is one trial call, with its retries");

        juliet.behave(ScriptedJuliet.Behaviour.ANSWER);
        assertPausedUntil(trialSent.plus(figures.breakerPause()).minus(PROBE_MARGIN), "after a failed trial call");

        sleepUntil(reopened.plus(figures.breakerPause()));
        int beforeSecondTrial = juliet.requests();
        TimedCall.callJuliet().answer().then().statusCode(200).body(equalTo("Hello Romeo, this is Juliet."));
        assertEquals(beforeSecondTrial + 1, juliet.requests(), "the trial call after the second pause");
        given().accept("text/plain").get("/q/metrics").then().body(matchesPattern(CIRCUIT_IN.formatted("closed")));
        TimedCall.callJuliet().answer().then().statusCode(200);
    }

    /** Calls Romeo that many times at once and waits for every answer: each Juliet's 500, as a 502. */
    private void failTogether(int calls) {
        List<CompletableFuture<HttpResponse<String>>> answers = IntStream.range(0, calls)
                .mapToObj(call -> HTTP.sendAsync(HttpRequest.newBuilder(callJuliet).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            assertEquals(502, answer.join().statusCode(), "a call to a Juliet answering 500 while the circuit was closed");
        }
    }

    /**
     * Until {@code until}, every call is answered 503 circuit-open without reaching Juliet, at
     * once: none waits as long as a call to her may take (the deadline), and the typical one not
     * even a connect timeout, since nothing is attempted. The typical one rather than each: on a
     * machine shared with other builds a single answer has taken 1.6 s to cross loopback.
     */
    private void assertPausedUntil(Instant until, String when) throws InterruptedException {
        int requests = juliet.requests();
        double prevented = RomeoMetrics.value(RomeoMetrics.BREAKER_PREVENTED);
        List<Duration> took = new ArrayList<>();
        while (Instant.now().isBefore(until)) {
            TimedCall probe = TimedCall.callJuliet();
            probe.answer().then().statusCode(503)
                    .header("Retry-After", equalTo(figures.retryAfter()))
                    .body("type", equalTo("urn:romeo-juliet:problem:circuit-open"))
                    .body("detail", equalTo("Juliet failed too often; calls are paused for a few seconds"));
            assertTrue(probe.took().compareTo(figures.deadline()) < 0,
                    () -> "Romeo took " + probe.took() + " to answer circuit-open " + when + ", past the deadline");
            took.add(probe.took());
            Thread.sleep(PROBE_EVERY.toMillis());
        }
        assertEquals(requests, juliet.requests(), () -> took.size() + " calls " + when + " reached Juliet through an open circuit");
        assertEquals(prevented + took.size(), RomeoMetrics.value(RomeoMetrics.BREAKER_PREVENTED),
                () -> "calls turned away " + when + ", as the breaker's counter shows them");
        List<Duration> sorted = took.stream().sorted().toList();
        Duration median = sorted.get(sorted.size() / 2);
        assertTrue(median.compareTo(figures.connectTimeout()) < 0,
                () -> "Romeo answered circuit-open " + when + " after " + median + " typically (of " + sorted
                        + "), not at once (within the connect timeout " + figures.connectTimeout() + ")");
    }

    private static void sleepUntil(Instant when) throws InterruptedException {
        long millis = Duration.between(Instant.now(), when).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
