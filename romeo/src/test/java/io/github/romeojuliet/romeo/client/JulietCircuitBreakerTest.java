package io.github.romeojuliet.romeo.client;

import static io.restassured.RestAssured.given;
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

    @InjectScriptedJuliet
    ScriptedJuliet juliet;

    @Test
    void opensOnRepeatedFailuresThenClosesOnceJulietRecovers() {
        juliet.reset();
        juliet.behave(ScriptedJuliet.Behaviour.FAIL_500);

        // Two failing calls of three attempts each fill the breaker's window of six.
        given().get("/call-juliet").then().statusCode(502);
        given().get("/call-juliet").then().statusCode(502);

        int beforeOpenCall = juliet.requests();
        given().get("/call-juliet").then().statusCode(503)
                .header("Retry-After", equalTo(String.valueOf(QuickCircuitBreakerProfile.PAUSE_MILLIS / 1000)))
                .body("type", equalTo("urn:romeo-juliet:problem:circuit-open"))
                .body("detail", equalTo("Juliet at " + juliet.url()
                        + " failed too often; calls are paused for a few seconds"));
        assertEquals(beforeOpenCall, juliet.requests(), "an open circuit must not reach Juliet");

        juliet.behave(ScriptedJuliet.Behaviour.ANSWER);
        assertTrue(answersWithin(Duration.ofSeconds(15)), "Romeo did not recover after Juliet did");
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
