package io.github.romeojuliet.romeo.support;

import static io.restassured.RestAssured.given;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import java.time.Duration;

/**
 * One call to Romeo's {@code /call-juliet}, timed from the request to the last byte of the answer
 * and no further: checks on the answer come after (RestAssured compiles its body paths on first
 * use, which once cost half a second). The test's client waits far longer than any bound, so
 * Romeo's own timers decide when the answer comes.
 */
public record TimedCall(Response answer, Duration took) {

    public static TimedCall callJuliet() {
        long started = System.nanoTime();
        Response answer = given().config(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.socket.timeout", 30_000)
                        .setParam("http.connection.timeout", 30_000)))
                .get("/call-juliet");
        answer.asString();
        return new TimedCall(answer, Duration.ofNanos(System.nanoTime() - started));
    }
}
