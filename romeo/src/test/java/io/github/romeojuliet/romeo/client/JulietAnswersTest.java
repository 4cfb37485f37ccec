package io.github.romeojuliet.romeo.client;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.romeojuliet.common.rest.Problem;
import io.github.romeojuliet.romeo.support.CallFigures;
import io.github.romeojuliet.romeo.support.InjectScriptedJuliet;
import io.github.romeojuliet.romeo.support.RomeoMetrics;
import io.github.romeojuliet.romeo.support.ScriptedJuliet;
import io.github.romeojuliet.romeo.support.ScriptedJulietResource;
import io.github.romeojuliet.romeo.support.WarmRomeo;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every class of status Juliet (or whatever sits in front of her) may answer with, and what Romeo
 * makes of it: only a 200 with a body is a greeting; 408 and 429 are asked again while her
 * Retry-After fits in the deadline and are never held against her; every other answer is a 502
 * problem naming the status. The rows of docs/failures.md, one test each.
 */
@QuarkusTest
@WithTestResource(ScriptedJulietResource.class)
class JulietAnswersTest {

    private static final String SUCCESSES =
            "romeo_juliet_calls_seconds_count{juliet_version=\"" + ScriptedJuliet.VERSION + "\",outcome=\"success\"}";
    private static final String BAD_ANSWERS = "romeo_juliet_calls_seconds_count{juliet_version=\"none\",outcome=\"bad-answer\"}";

    @InjectScriptedJuliet
    ScriptedJuliet juliet;

    @Inject
    CallFigures figures;

    @BeforeEach
    void freshJuliet() {
        WarmRomeo.against(juliet);
    }

    /** Informational, success without a greeting, redirects a proxy did not follow, refusals: none is a greeting. */
    @ParameterizedTest
    @ValueSource(ints = {204, 206, 301, 302, 304, 307, 400, 404, 405})
    void anAnswerThatIsNotAGreetingIsA502NamingItsStatusAndIsNotRetried(int status) {
        juliet.answerWith(status, Map.of("Location", "http://elsewhere.invalid/"), null);
        double badAnswers = RomeoMetrics.value(BAD_ANSWERS);

        for (String accept : new String[] {"text/plain", "application/json"}) {
            given().accept(accept).get("/call-juliet").then().statusCode(502)
                    .contentType(equalTo(Problem.MEDIA_TYPE))
                    .body("type", equalTo("urn:romeo-juliet:problem:bad-answer"))
                    .body("detail", equalTo("Juliet answered HTTP " + status + (status < 400 ? ", not a greeting" : "")));
        }
        assertEquals(2, juliet.requests(), "asking again gets the same answer, so neither call is retried");
        assertEquals(badAnswers + 2, RomeoMetrics.value(BAD_ANSWERS), "both calls counted as bad answers");
    }

    @Test
    void aContinueWithNoFinalAnswerIsNoGreeting() {
        juliet.answerWith(100, Map.of(), null);
        double successes = RomeoMetrics.value(SUCCESSES);
        given().get("/call-juliet").then().statusCode(not(equalTo(200))).contentType(equalTo(Problem.MEDIA_TYPE));
        assertEquals(successes, RomeoMetrics.value(SUCCESSES), "a 1xx is never counted as a success");
    }

    @Test
    void aTwoHundredWithoutABodyIsA502AndIsRetried() {
        juliet.answerWith(200, Map.of("Content-Type", "text/plain"), "");
        given().get("/call-juliet").then().statusCode(502)
                .body("detail", equalTo("Juliet answered HTTP 200 without a greeting"));
        assertEquals(figures.attempts(), juliet.requests(), "an empty greeting is Juliet failing: retried");
    }

    @Test
    void aJsonTwoHundredThatIsNotAGreetingIsA502() {
        juliet.answerWith(200, Map.of("Content-Type", "application/json"), "null");
        given().accept("application/json").get("/call-juliet").then().statusCode(502)
                .contentType(equalTo(Problem.MEDIA_TYPE))
                .body("type", equalTo("urn:romeo-juliet:problem:bad-answer"));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503})
    void aServerErrorIsA502NamingItsStatusAfterEveryAttempt(int status) {
        juliet.answerWith(status, Map.of(), null);
        given().get("/call-juliet").then().statusCode(502)
                .body("detail", equalTo("Juliet answered HTTP " + status));
        assertEquals(figures.attempts(), juliet.requests());
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 429})
    void aComeBackLaterWithoutRetryAfterIsAskedAgainAfterTheUsualDelay(int status) {
        juliet.answerNextWith(status, Map.of());
        given().get("/call-juliet").then().statusCode(200).body(equalTo("Hello Romeo, this is Juliet."));
        assertEquals(2, juliet.requests());
    }

    @Test
    void aRetryAfterOfZeroIsAskedAgainWithinTheDeadline() {
        juliet.answerNextWith(429, Map.of("Retry-After", "0"));
        given().get("/call-juliet").then().statusCode(200);
        assertEquals(2, juliet.requests());
    }

    @Test
    void aRetryAfterLongerThanTheDeadlineIsPassedOnAtOnceAsA503() {
        juliet.answerWith(429, Map.of("Retry-After", "7"), null);
        double heldAgainstHer = RomeoMetrics.value(RomeoMetrics.BREAKER_FAILURES);
        given().get("/call-juliet").then().statusCode(503)
                .contentType(equalTo(Problem.MEDIA_TYPE))
                .header("Retry-After", equalTo("7"))
                .body("type", equalTo("urn:romeo-juliet:problem:busy"))
                .body("detail", equalTo("Juliet answered HTTP 429: asked to come back later"));
        assertEquals(1, juliet.requests(), "waiting 7 s cannot fit in the deadline, so Romeo does not ask again");
        assertEquals(heldAgainstHer, RomeoMetrics.value(RomeoMetrics.BREAKER_FAILURES),
                "a Juliet asking for time is not held against her by the circuit breaker");
    }

    @Test
    void aComeBackLaterEveryTimeIsA503WithRetryAfterAndNeverOpensTheCircuit() {
        juliet.answerWith(408, Map.of(), null);
        double heldAgainstHer = RomeoMetrics.value(RomeoMetrics.BREAKER_FAILURES);
        for (int call = 0; call < figures.breakerWindow(); call++) {
            given().get("/call-juliet").then().statusCode(503)
                    .header("Retry-After", equalTo(figures.retryAfter()))
                    .body("type", equalTo("urn:romeo-juliet:problem:busy"));
        }
        assertEquals(heldAgainstHer, RomeoMetrics.value(RomeoMetrics.BREAKER_FAILURES));
        juliet.reset();
        given().get("/call-juliet").then().statusCode(200);
    }
}
