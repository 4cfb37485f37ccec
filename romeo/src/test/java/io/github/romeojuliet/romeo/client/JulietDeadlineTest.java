package io.github.romeojuliet.romeo.client;

import static org.hamcrest.Matchers.equalTo;
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
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rows of the README's failure table a scripted Juliet can play, each with its time bound, at
 * production figures (see {@link CallFigures}): a frozen Juliet costs one read timeout, since no
 * retry fits in the deadline after it; one that trickles her answer is cut at the deadline; fast
 * failures get their retries, spaced by the retry waits and all within the deadline; a 4xx is
 * answered after one attempt and not held against her.
 */
@QuarkusTest
@WithTestResource(ScriptedJulietResource.class)
class JulietDeadlineTest {

    @InjectScriptedJuliet
    ScriptedJuliet juliet;

    @Inject
    CallFigures figures;

    @BeforeEach
    void warmRomeoAndAFreshJuliet() {
        // Each test checks one kind of failure; other tests' failures must not open the circuit on it.
        WarmRomeo.against(juliet);
    }

    @Test
    void frozenJulietCostsOneReadTimeoutAndNeverMoreThanTheDeadline() {
        juliet.answerLateBy(30_000);
        TimedCall call = TimedCall.callJuliet();
        call.answer().then().statusCode(504).body("type", equalTo("urn:romeo-juliet:problem:timed-out"));

        assertEquals(1, juliet.requests(), "a retry started that the deadline could not hold");
        assertTrue(call.took().compareTo(figures.readTimeout()) >= 0,
                () -> "the 504 for a frozen Juliet came after " + call.took() + ", before the read timeout "
                        + figures.readTimeout());
        assertTrue(call.took().compareTo(figures.deadline()) < 0,
                () -> "the 504 for a frozen Juliet came after " + call.took() + ", past the deadline " + figures.deadline());
    }

    @Test
    void tricklingJulietIsCutAtTheDeadline() {
        // Her answer would take twice the deadline, each character well within the read timeout:
        // only the deadline can end the call sooner.
        juliet.trickleOver(figures.deadline().multipliedBy(2).toMillis());
        TimedCall call = TimedCall.callJuliet();
        call.answer().then().statusCode(504).body("type", equalTo("urn:romeo-juliet:problem:timed-out"));

        assertEquals(1, juliet.requests(), "the one attempt should have lasted until the deadline");
        assertTrue(call.took().compareTo(figures.deadline()) >= 0,
                () -> "the 504 for a trickling Juliet came after " + call.took() + ", before the deadline "
                        + figures.deadline());
        assertTrue(call.took().compareTo(figures.deadline().plus(figures.roundTripAllowance())) < 0,
                () -> "the 504 for a trickling Juliet came after " + call.took() + ", not at the deadline "
                        + figures.deadline());
    }

    @Test
    void failingJulietGetsEveryRetryWithinTheDeadline() {
        juliet.behave(ScriptedJuliet.Behaviour.FAIL_500);
        TimedCall call = TimedCall.callJuliet();
        call.answer().then().statusCode(502).body("type", equalTo("urn:romeo-juliet:problem:bad-answer"));

        assertEquals(figures.attempts(), juliet.requests(), "the call and its retries");
        figures.assertRetriedWithinTheDeadline(call, "Juliet's 500s");
    }

    @Test
    void droppedConnectionGetsEveryRetryWithinTheDeadline() {
        juliet.behave(ScriptedJuliet.Behaviour.DROP);
        TimedCall call = TimedCall.callJuliet();
        call.answer().then().statusCode(502)
                .body("detail", equalTo("Juliet closed the connection before answering in full"));

        assertEquals(figures.attempts(), juliet.requests(), "the call and its retries");
        figures.assertRetriedWithinTheDeadline(call, "Juliet's dropped connections");
    }

    @Test
    void clientErrorIsAnsweredAfterOneAttemptAndNotHeldAgainstJuliet() {
        juliet.behave(ScriptedJuliet.Behaviour.NOT_FOUND_404);
        double heldAgainstHer = RomeoMetrics.value(RomeoMetrics.BREAKER_FAILURES);
        TimedCall call = TimedCall.callJuliet();
        call.answer().then().statusCode(502).body("detail", equalTo("Juliet answered HTTP 404"));

        assertEquals(1, juliet.requests(), "a 4xx gets the same answer every time, so it is not retried");
        assertEquals(heldAgainstHer, RomeoMetrics.value(RomeoMetrics.BREAKER_FAILURES),
                "the circuit breaker counted a 4xx as Juliet failing");
        assertTrue(call.took().compareTo(figures.readTimeout()) < 0,
                () -> "the 502 for Juliet's 404 came after " + call.took() + ": Romeo waited on something, "
                        + "though her answer came at once");
    }
}
