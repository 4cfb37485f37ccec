package io.github.romeojuliet.romeo.client;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.romeojuliet.common.rest.Problem;
import io.github.romeojuliet.romeo.support.InjectScriptedJuliet;
import io.github.romeojuliet.romeo.support.ScriptedJuliet;
import io.github.romeojuliet.romeo.support.ScriptedJulietResource;
import io.github.romeojuliet.romeo.support.WarmRomeo;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With retries at 0 and the breaker off, as an operator may set them (and as make bench does, to
 * show what the guards cost), each call is one attempt, every failure still ends in its problem,
 * and however often Juliet fails no circuit opens.
 */
@QuarkusTest
@TestProfile(GuardsSwitchedOffTest.NoRetriesNoBreaker.class)
@WithTestResource(ScriptedJulietResource.class)
class GuardsSwitchedOffTest {

    public static class NoRetriesNoBreaker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("romeo.calls.retry.max-retries", "0",
                    "romeo.calls.circuit-breaker.enabled", "false");
        }
    }

    @InjectScriptedJuliet
    ScriptedJuliet juliet;

    @BeforeEach
    void julietAnswersUntilToldOtherwise() {
        WarmRomeo.against(juliet);
    }

    @Test
    void answersWhenJulietDoes() {
        given().get("/call-juliet").then().statusCode(200).body(equalTo("Hello Romeo, this is Juliet."));
        assertEquals(1, juliet.requests());
    }

    @Test
    void aFailedAttemptIsNotRetried() {
        juliet.failNext(1);
        given().get("/call-juliet").then().statusCode(502)
                .contentType(equalTo(Problem.MEDIA_TYPE))
                .body("detail", equalTo("Juliet answered HTTP 500"));
        assertEquals(1, juliet.requests());
    }

    @Test
    void noCircuitOpensHoweverOftenJulietFails() {
        juliet.behave(ScriptedJuliet.Behaviour.FAIL_500);
        // Far past the breaker's window at production figures: every call still reaches Juliet.
        int calls = 50;
        for (int i = 0; i < calls; i++) {
            given().get("/call-juliet").then().statusCode(502)
                    .body("type", equalTo("urn:romeo-juliet:problem:bad-answer"));
        }
        assertEquals(calls, juliet.requests());
    }
}
