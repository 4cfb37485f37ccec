package io.github.romeojuliet.romeo.client;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.romeojuliet.romeo.support.InjectScriptedJuliet;
import io.github.romeojuliet.romeo.support.ScriptedJuliet;
import io.github.romeojuliet.romeo.support.ScriptedJulietResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Juliet that accepts the connection and never answers, at production figures (500 ms connect,
 * 1 s read timeout, 2 s deadline): the first attempt ends at the read timeout, and no retry starts,
 * since the deadline could no longer hold a whole attempt. The call costs about one second.
 */
@QuarkusTest
@WithTestResource(ScriptedJulietResource.class)
class JulietDeadlineTest {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration DEADLINE = Duration.ofSeconds(2);

    @InjectScriptedJuliet
    ScriptedJuliet juliet;

    @BeforeEach
    void warmRomeoAndAFreshJuliet() {
        // The first call loads RestAssured here and builds Romeo's REST client there: class loading
        // a running Romeo has long done, which must not count as the time a failure costs.
        juliet.reset();
        given().get("/call-juliet").then().statusCode(200);
        juliet.behave(ScriptedJuliet.Behaviour.FAIL_500);
        given().get("/call-juliet").then().statusCode(502);
        juliet.reset();
    }

    @Test
    void frozenJulietCostsOneReadTimeoutAndNeverMoreThanTheDeadline() {
        juliet.answerLateBy(30_000);
        long started = System.nanoTime();
        given().config(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.socket.timeout", 10_000)))
                .get("/call-juliet").then().statusCode(504)
                .body("type", equalTo("urn:romeo-juliet:problem:timed-out"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertEquals(1, juliet.requests(), "a retry started that the deadline could not hold");
        assertTrue(took.compareTo(READ_TIMEOUT) >= 0, () -> "gave up before the read timeout: " + took);
        assertTrue(took.compareTo(DEADLINE) < 0, () -> "outlasted the deadline: " + took);
    }

    @Test
    void fastFailuresAreRetriedWithinTheDeadline() {
        juliet.behave(ScriptedJuliet.Behaviour.FAIL_500);
        long started = System.nanoTime();
        given().get("/call-juliet").then().statusCode(502);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertEquals(3, juliet.requests(), "the call and its two retries");
        assertTrue(took.compareTo(DEADLINE) < 0, () -> "outlasted the deadline: " + took);
    }
}
