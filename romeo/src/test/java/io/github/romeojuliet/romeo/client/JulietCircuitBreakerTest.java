package io.github.romeojuliet.romeo.client;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.romeojuliet.romeo.support.InjectScriptedJuliet;
import io.github.romeojuliet.romeo.support.QuickCircuitBreakerProfile;
import io.github.romeojuliet.romeo.support.ScriptedJuliet;
import io.github.romeojuliet.romeo.support.ScriptedJulietResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(QuickCircuitBreakerProfile.class)
@WithTestResource(ScriptedJulietResource.class)
class JulietCircuitBreakerTest {

    private static final int WINDOW = 20;
    private static final String CIRCUIT_IN = "(?s).*\\nromeo_juliet_circuit_state\\{state=\"%s\",?} 1\\.0\\n.*";

    @InjectScriptedJuliet
    ScriptedJuliet juliet;

    @Test
    void opensOnRepeatedFailuresThenClosesOnceJulietRecovers() {
        juliet.reset();
        juliet.behave(ScriptedJuliet.Behaviour.FAIL_500);

        // The breaker counts whole calls: its window of 20 fills with 20 failed calls, not 7 attempts.
        for (int call = 0; call < WINDOW; call++) {
            given().get("/call-juliet").then().statusCode(502);
        }
        assertEquals(WINDOW * 3, juliet.requests(), "each failed call made its three attempts");

        int beforeOpenCall = juliet.requests();
        given().get("/call-juliet").then().statusCode(503)
                .header("Retry-After", equalTo(String.valueOf(QuickCircuitBreakerProfile.PAUSE_MILLIS / 1000)))
                .body("type", equalTo("urn:romeo-juliet:problem:circuit-open"))
                .body("detail", equalTo("Juliet at " + juliet.url()
                        + " failed too often; calls are paused for a few seconds"));
        assertEquals(beforeOpenCall, juliet.requests(), "an open circuit must not reach Juliet");

        given().accept("text/plain").get("/q/metrics").then()
                .body(matchesPattern(CIRCUIT_IN.formatted("open")));

        juliet.behave(ScriptedJuliet.Behaviour.ANSWER);
        assertTrue(answersWithin(Duration.ofSeconds(15)), "Romeo did not recover after Juliet did");
        given().accept("text/plain").get("/q/metrics").then()
                .body(matchesPattern(CIRCUIT_IN.formatted("closed")));
    }

    /** Calls Romeo until the half-open breaker lets a call through; bounded, polling every 200 ms. */
    private static boolean answersWithin(Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (given().get("/call-juliet").statusCode() == 200) {
                return true;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
