package io.github.romeojuliet.romeo.client.transport;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.romeojuliet.romeo.support.InjectScriptedJuliet;
import io.github.romeojuliet.romeo.support.ScriptedJuliet;
import io.github.romeojuliet.romeo.support.ScriptedJulietResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What reaches Juliet: the A/B routing hints, and nothing else the caller sent. */
@QuarkusTest
@WithTestResource(ScriptedJulietResource.class)
class RoutingHintsHeadersFactoryTest {

    @InjectScriptedJuliet
    ScriptedJuliet juliet;

    @BeforeEach
    void freshJuliet() {
        juliet.reset();
    }

    @Test
    void forwardsTheCanaryHeaderAndCookieOnly() {
        given().header("X-Canary", "always")
                .header("Authorization", "Bearer romeo-secret")
                .header("X-Other", "stays-with-romeo")
                .cookie("session", "romeo-session")
                .cookie("canary", "always")
                .get("/call-juliet").then().statusCode(200);

        Map<String, String> sent = juliet.received().get(0);
        assertEquals("GET /romeo-please-call-me", sent.get(":request"));
        assertEquals("always", sent.get("x-canary"));
        assertEquals("canary=always", sent.get("cookie"));
        assertFalse(sent.containsKey("authorization"), () -> "leaked: " + sent);
        assertFalse(sent.containsKey("x-other"), () -> "leaked: " + sent);
    }

    @Test
    void retriesCarryTheSameHints() {
        juliet.failNext(1);
        given().header("X-Canary", "always").cookie("canary", "never")
                .get("/call-juliet").then().statusCode(200);

        assertEquals(2, juliet.requests());
        for (Map<String, String> attempt : juliet.received()) {
            assertEquals("always", attempt.get("x-canary"), () -> "hint lost on an attempt: " + attempt);
            assertEquals("canary=never", attempt.get("cookie"), () -> "hint lost on an attempt: " + attempt);
        }
    }

    @Test
    void forwardsNothingWhenTheCallerSentNoHints() {
        given().get("/call-juliet").then().statusCode(200);

        Map<String, String> sent = juliet.received().get(0);
        assertFalse(sent.containsKey("x-canary"), () -> "unexpected: " + sent);
        assertFalse(sent.containsKey("cookie"), () -> "unexpected: " + sent);
    }
}
