package io.github.romeojuliet.romeo.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A stand-in Juliet on a real loopback port (WireMock) whose behaviour a test scripts: answer,
 * answer late, trickle her answer a character at a time, answer 500 or 404, or drop the connection
 * without a word. It answers text or JSON
 * as the real Juliet does, and its request journal tells tests what Romeo forwarded and how many
 * attempts a call made.
 */
public final class ScriptedJuliet implements AutoCloseable {

    public enum Behaviour { ANSWER, ANSWER_LATE, TRICKLE, FAIL_500, NOT_FOUND_404, DROP }

    public static final String VERSION = "scripted";
    static final String GREETING_PATH = "/romeo-please-call-me";
    private static final String GREETING = "Hello Romeo, this is Juliet.";
    private static final String JSON =
            "{\"message\":\"" + GREETING + "\",\"version\":\"" + VERSION + "\",\"pod\":\"scripted-0\"}";
    // Scripted failures outrank the behaviour's stubs until they have all been served.
    private static final int FAILURES_FIRST = 1;
    private static final int BEHAVIOUR = 5;
    private static final String FAILURES = "failures";

    private final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private long lateByMillis = 5_000;
    private long trickleMillis = 10_000;

    public ScriptedJuliet() {
        server.start();
        reset();
    }

    public String url() {
        return "http://localhost:" + server.port();
    }

    public void behave(Behaviour next) {
        server.resetMappings();
        server.stubFor(get(urlEqualTo("/q/health/ready")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"status\":\"UP\"}")));
        switch (next) {
            case ANSWER -> stubGreetings(0);
            case ANSWER_LATE -> stubGreetings(lateByMillis);
            // One chunk per character, the gaps between them far shorter than any read timeout.
            case TRICKLE -> stubGreeting(greeting("text/plain;charset=UTF-8", GREETING)
                    .withChunkedDribbleDelay(GREETING.length(), (int) trickleMillis));
            case FAIL_500 -> stubGreeting(aResponse().withStatus(500).withBody("{\"error\":\"scripted failure\"}"));
            case NOT_FOUND_404 -> stubGreeting(aResponse().withStatus(404));
            case DROP -> stubGreeting(aResponse().withFault(Fault.EMPTY_RESPONSE));
        }
    }

    public void answerLateBy(long millis) {
        lateByMillis = millis;
        behave(Behaviour.ANSWER_LATE);
    }

    /** Sends her greeting a character at a time, spread over {@code millis}. */
    public void trickleOver(long millis) {
        trickleMillis = millis;
        behave(Behaviour.TRICKLE);
    }

    /** Answers 500 to the next {@code count} greeting requests, then behaves as before. */
    public void failNext(int count) {
        for (int failure = 0; failure < count; failure++) {
            server.stubFor(get(urlEqualTo(GREETING_PATH)).atPriority(FAILURES_FIRST)
                    .inScenario(FAILURES)
                    .whenScenarioStateIs(failure == 0 ? Scenario.STARTED : "failed-" + failure)
                    .willSetStateTo("failed-" + (failure + 1))
                    .willReturn(aResponse().withStatus(500)));
        }
    }

    /** Answers every greeting request with this status, headers and body (null for none). */
    public void answerWith(int status, Map<String, String> headers, String body) {
        behave(Behaviour.ANSWER);
        server.stubFor(get(urlEqualTo(GREETING_PATH)).atPriority(BEHAVIOUR - 1).willReturn(response(status, headers, body)));
    }

    /** Answers the next greeting request with this status and headers, then behaves as before. */
    public void answerNextWith(int status, Map<String, String> headers) {
        server.stubFor(get(urlEqualTo(GREETING_PATH)).atPriority(FAILURES_FIRST)
                .inScenario(FAILURES)
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("answered-once")
                .willReturn(response(status, headers, null)));
    }

    /** How many greeting requests arrived: each attempt of each call counts. */
    public int requests() {
        return received().size();
    }

    /** When each greeting request arrived, oldest first. */
    public List<Instant> arrivals() {
        return server.findAll(getRequestedFor(urlEqualTo(GREETING_PATH))).stream()
                .map(request -> request.getLoggedDate().toInstant())
                .sorted()
                .toList();
    }

    /**
     * Headers of every greeting request received, names lower-cased, oldest first, with two more:
     * {@code :request} (method and path) and {@code :protocol} (HTTP/1.1 or HTTP/2.0).
     */
    public List<Map<String, String>> received() {
        return server.findAll(getRequestedFor(urlEqualTo(GREETING_PATH))).stream()
                .map(ScriptedJuliet::headersOf)
                .toList();
    }

    public void reset() {
        server.resetRequests();
        server.resetScenarios();
        behave(Behaviour.ANSWER);
    }

    @Override
    public void close() {
        server.stop();
    }

    private void stubGreetings(long delayMillis) {
        server.stubFor(get(urlEqualTo(GREETING_PATH)).atPriority(BEHAVIOUR)
                .withHeader("Accept", containing("application/json"))
                .willReturn(greeting("application/json", JSON).withFixedDelay((int) delayMillis)));
        server.stubFor(get(urlEqualTo(GREETING_PATH)).atPriority(BEHAVIOUR + 1)
                .willReturn(greeting("text/plain;charset=UTF-8", GREETING).withFixedDelay((int) delayMillis)));
    }

    private void stubGreeting(ResponseDefinitionBuilder response) {
        server.stubFor(get(urlEqualTo(GREETING_PATH)).atPriority(BEHAVIOUR).willReturn(response));
    }

    private static ResponseDefinitionBuilder greeting(String contentType, String body) {
        return aResponse().withStatus(200)
                .withHeader("Content-Type", contentType)
                .withHeader("X-Juliet-Version", VERSION)
                .withHeader("X-Juliet-Pod", "scripted-0")
                .withBody(body);
    }

    private static ResponseDefinitionBuilder response(int status, Map<String, String> headers, String body) {
        ResponseDefinitionBuilder response = aResponse().withStatus(status);
        headers.forEach(response::withHeader);
        return body == null ? response : response.withBody(body);
    }

    private static Map<String, String> headersOf(LoggedRequest request) {
        Map<String, String> headers = new HashMap<>();
        for (HttpHeader header : request.getHeaders().all()) {
            headers.put(header.key().toLowerCase(Locale.ROOT), header.firstValue());
        }
        headers.put(":request", request.getMethod() + " " + request.getUrl());
        headers.put(":protocol", request.getProtocol());
        return headers;
    }
}
