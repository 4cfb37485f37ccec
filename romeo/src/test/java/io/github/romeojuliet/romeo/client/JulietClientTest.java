package io.github.romeojuliet.romeo.client;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.romeojuliet.common.rest.Problem;
import io.github.romeojuliet.romeo.support.CallFigures;
import io.github.romeojuliet.romeo.support.InjectScriptedJuliet;
import io.github.romeojuliet.romeo.support.RomeoMetrics;
import io.github.romeojuliet.romeo.support.ScriptedJuliet;
import io.github.romeojuliet.romeo.support.ScriptedJulietResource;
import io.github.romeojuliet.romeo.support.WarmRomeo;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each way Juliet can fail ends in its own problem status, with a detail naming her URL, and
 * never in a hang: the test's own client gives up after 10 s, far beyond Romeo's bounds. At
 * production figures (see {@link CallFigures}); {@link JulietDeadlineTest} times the same failures.
 */
@QuarkusTest
@WithTestResource(ScriptedJulietResource.class)
class JulietClientTest {

    @InjectScriptedJuliet
    ScriptedJuliet juliet;

    @Inject
    CallFigures figures;

    @BeforeEach
    void julietAnswersUntilToldOtherwise() {
        WarmRomeo.against(juliet);
    }

    @Test
    void answersWhenJulietDoes() {
        callRomeo().then().statusCode(200).body(equalTo("Hello Romeo, this is Juliet."));
        assertEquals(1, juliet.requests());
    }

    @Test
    void textCallAsksJulietForTextAndJsonCallForJson() {
        callRomeo().then().statusCode(200);
        romeo().accept("application/json").get("/call-juliet").then().statusCode(200)
                .body("message", equalTo("Hello Romeo, this is Juliet."))
                .body("julietVersion", equalTo(ScriptedJuliet.VERSION))
                .body("julietPod", equalTo("scripted-0"));

        List<Map<String, String>> sent = juliet.received();
        assertEquals(2, sent.size());
        assertFalse(sent.get(0).getOrDefault("accept", "").contains("json"), () -> "text call asked for " + sent.get(0));
        assertTrue(sent.get(1).getOrDefault("accept", "").contains("application/json"), () -> "JSON call asked for " + sent.get(1));
    }

    @Test
    void callsReachJulietOverHttp2() {
        // The pool's first request may still be the HTTP/1.1 one that asked for the upgrade.
        for (int call = 0; call < 3; call++) {
            callRomeo().then().statusCode(200);
        }

        List<Map<String, String>> sent = juliet.received();
        assertEquals("HTTP/2.0", sent.get(sent.size() - 1).get(":protocol"), () -> "calls as Juliet saw them: " + sent);
    }

    @Test
    void textCallsAreTimedByTheVersionInJulietsHeader() {
        String series = "romeo_juliet_calls_seconds_count{juliet_version=\"" + ScriptedJuliet.VERSION + "\",outcome=\"success\"}";
        double before = RomeoMetrics.value(series);
        callRomeo().then().statusCode(200);
        assertEquals(before + 1, RomeoMetrics.value(series), "the call this test made, counted by Juliet's version");
    }

    @Test
    void slowJulietIsA504NamingTheTimeout() {
        juliet.answerLateBy(3_000);
        callRomeo().then().statusCode(504)
                .contentType(equalTo(Problem.MEDIA_TYPE))
                .body("type", equalTo("urn:romeo-juliet:problem:timed-out"))
                .body("detail", equalTo("Juliet did not answer in time"));
        assertEquals(1, juliet.requests(), "after a whole read timeout, no retry fits in the deadline");
    }

    @Test
    void failingJulietIsA502NamingHerStatus() {
        juliet.behave(ScriptedJuliet.Behaviour.FAIL_500);
        callRomeo().then().statusCode(502)
                .contentType(equalTo(Problem.MEDIA_TYPE))
                .body("type", equalTo("urn:romeo-juliet:problem:bad-answer"))
                .body("detail", equalTo("Juliet answered HTTP 500"));
        assertEquals(figures.attempts(), juliet.requests());
    }

    @Test
    void wrongPathAtJulietIsA502WithoutRetries() {
        juliet.behave(ScriptedJuliet.Behaviour.NOT_FOUND_404);
        callRomeo().then().statusCode(502)
                .contentType(equalTo(Problem.MEDIA_TYPE))
                .body("detail", equalTo("Juliet answered HTTP 404"));
        assertEquals(1, juliet.requests(), "a 4xx gets the same answer every time, so it is not retried");
    }

    @Test
    void droppedConnectionIsA502() {
        juliet.behave(ScriptedJuliet.Behaviour.DROP);
        callRomeo().then().statusCode(502)
                .contentType(equalTo(Problem.MEDIA_TYPE))
                .body("title", equalTo("Juliet answered badly"))
                .body("detail", equalTo("Juliet closed the connection before answering in full"));
        assertEquals(figures.attempts(), juliet.requests());
    }

    @Test
    void recoversOnRetryWhenOnlyTheFirstAttemptFails() {
        juliet.failNext(1);
        callRomeo().then().statusCode(200).body(equalTo("Hello Romeo, this is Juliet."));
        assertEquals(2, juliet.requests());
    }

    @Test
    void failuresAreTimedByOutcome() {
        juliet.behave(ScriptedJuliet.Behaviour.FAIL_500);
        String series = "romeo_juliet_calls_seconds_count{juliet_version=\"none\",outcome=\"bad-answer\"}";
        double before = RomeoMetrics.value(series);
        callRomeo().then().statusCode(502);
        assertEquals(before + 1, RomeoMetrics.value(series), "the failed call this test made, counted by its outcome");
    }

    private static RequestSpecification romeo() {
        return given().config(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", 10_000)
                .setParam("http.connection.timeout", 10_000)));
    }

    private static io.restassured.response.Response callRomeo() {
        return romeo().when().get("/call-juliet");
    }

}
