package io.github.romeojuliet.juliet.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.romeojuliet.juliet.metrics.GreetingHistogram;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which route answers the greeting, and that a caller cannot tell them apart: the plain route
 * takes the requests with nothing to negotiate, Quarkus REST everything else, with the same answer.
 */
@QuarkusTest
@TestProfile(MarkRestAnswersProfile.class)
class PlainGreetingRouteTest {

    // java.net.http sends no Accept header unless told to, so "no Accept at all" is a real case here.
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String NO_ACCEPT = "";

    @TestHTTPResource("/romeo-please-call-me")
    URI greeting;

    @ParameterizedTest(name = "Accept: \"{0}\"")
    @ValueSource(strings = {NO_ACCEPT, "*/*", "text/plain", "text/plain;charset=UTF-8"})
    void answersRequestsWithNothingToNegotiateBeforeRest(String accept) throws Exception {
        HttpResponse<String> answer = get(accept);

        assertEquals(Optional.empty(), answer.headers().firstValue(RestAnswerMarker.HEADER), "REST answered");
        assertEquals(200, answer.statusCode());
        assertEquals(GreetingResourceTest.GREETING, answer.body());
    }

    @ParameterizedTest(name = "Accept: \"{0}\"")
    @ValueSource(strings = {"text/plain, application/json;q=0.5", "text/*", "text/plain; charset=utf-8"})
    void leavesAnAcceptWithChoicesToRestWhichGivesTheSameAnswer(String accept) throws Exception {
        HttpResponse<String> negotiated = get(accept);
        HttpResponse<String> plain = get(NO_ACCEPT);

        assertEquals(Optional.of("true"), negotiated.headers().firstValue(RestAnswerMarker.HEADER), "REST did not answer");
        assertEquals(plain.statusCode(), negotiated.statusCode());
        assertEquals(plain.body(), negotiated.body());
        for (String header : List.of("Content-Type", "Content-Length",
                WhoAnsweredFilter.VERSION_HEADER, WhoAnsweredFilter.POD_HEADER)) {
            List<String> fromRest = negotiated.headers().allValues(header);
            assertFalse(fromRest.isEmpty(), () -> "REST's answer has no " + header);
            assertEquals(fromRest, plain.headers().allValues(header), header);
        }
    }

    @Test
    void bothRoutesCountTheirTextGreetingsInTheOneSeries() throws Exception {
        GreetingHistogram before = GreetingHistogram.scrape();
        HttpResponse<String> plain = get(NO_ACCEPT);
        HttpResponse<String> negotiated = get("text/plain, application/json;q=0.5");
        GreetingHistogram after = GreetingHistogram.scrape();

        assertEquals(Optional.empty(), plain.headers().firstValue(RestAnswerMarker.HEADER), "REST answered");
        assertEquals(Optional.of("true"), negotiated.headers().firstValue(RestAnswerMarker.HEADER), "REST did not answer");
        assertEquals(before.countOrZero("text", "2xx") + 2, after.countOrZero("text", "2xx"));
        assertEquals(before.countOrZero("json", "2xx"), after.countOrZero("json", "2xx"));
    }

    @Test
    void leavesJsonAndOtherMethodsToRest() throws Exception {
        HttpResponse<String> json = get("application/json");
        assertEquals(Optional.of("true"), json.headers().firstValue(RestAnswerMarker.HEADER));
        assertEquals("application/json;charset=UTF-8", json.headers().firstValue("Content-Type").orElseThrow());

        HttpResponse<String> head = send(HttpRequest.newBuilder(greeting).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, head.statusCode());
        assertEquals(Optional.of("true"), head.headers().firstValue(RestAnswerMarker.HEADER));
        assertEquals("", head.body());
    }

    private HttpResponse<String> get(String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(greeting).GET();
        if (!accept.isEmpty()) {
            request.header("Accept", accept);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
