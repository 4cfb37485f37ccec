package io.github.romeojuliet.romeo.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.romeojuliet.romeo.support.InjectScriptedJuliet;
import io.github.romeojuliet.romeo.support.RomeoMetrics;
import io.github.romeojuliet.romeo.support.ScriptedJuliet;
import io.github.romeojuliet.romeo.support.ScriptedJulietResource;
import io.github.romeojuliet.romeo.support.WarmRomeo;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A caller cannot make Romeo fail against Juliet by what it sends: routing hints beyond one short
 * value each are refused at Romeo's edge with a 431 problem, before any call, so they are neither
 * retried nor held against Juliet, and ten such requests leave the circuit closed for everybody.
 */
@QuarkusTest
@WithTestResource(ScriptedJulietResource.class)
class RoutingHintLimitsTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @InjectScriptedJuliet
    ScriptedJuliet juliet;

    @TestHTTPResource("/call-juliet")
    URI callJuliet;

    @BeforeEach
    void freshJuliet() {
        WarmRomeo.against(juliet);
    }

    @Test
    void fiveHundredCanaryHeadersAreRefusedAtTheEdgeAndNeverOpenTheCircuit() throws Exception {
        double heldAgainstHer = RomeoMetrics.value(RomeoMetrics.BREAKER_FAILURES);
        double retries = RomeoMetrics.value(RomeoMetrics.RETRIES);
        for (int request = 0; request < 10; request++) {
            HttpRequest.Builder flood = HttpRequest.newBuilder(callJuliet).timeout(Duration.ofSeconds(10));
            for (int header = 0; header < 500; header++) {
                flood.header("X-Canary", "canary-" + header);
            }
            HttpResponse<String> answer = HTTP.send(flood.build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(431, answer.statusCode(), answer::body);
            assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
            assertTrue(answer.body().contains("X-Canary"), answer::body);
        }
        assertEquals(0, juliet.requests(), "nothing reached Juliet");
        assertEquals(heldAgainstHer, RomeoMetrics.value(RomeoMetrics.BREAKER_FAILURES), "nothing held against her");
        assertEquals(retries, RomeoMetrics.value(RomeoMetrics.RETRIES), "nothing retried");

        HttpResponse<String> next = HTTP.send(HttpRequest.newBuilder(callJuliet).header("X-Canary", "always").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, next.statusCode(), "the next caller is answered: the circuit stayed closed");
        assertEquals("always", juliet.received().get(0).get("x-canary"));
    }

    @Test
    void aHintLongerThanTheCapIsRefused() throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(callJuliet)
                .header("X-Canary", "x".repeat(65)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(431, answer.statusCode(), answer::body);
        HttpResponse<String> cookie = HTTP.send(HttpRequest.newBuilder(callJuliet)
                .header("Cookie", "canary=a; canary=b").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(431, cookie.statusCode(), cookie::body);
        assertEquals(0, juliet.requests());
    }
}
