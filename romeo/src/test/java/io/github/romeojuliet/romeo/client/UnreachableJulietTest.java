package io.github.romeojuliet.romeo.client;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.romeojuliet.romeo.rest.Problem;
import io.github.romeojuliet.romeo.support.CallFigures;
import io.github.romeojuliet.romeo.support.NoJulietProfile;
import io.github.romeojuliet.romeo.support.RomeoMetrics;
import io.github.romeojuliet.romeo.support.TimedCall;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Nobody listens at Juliet's address: at production figures Romeo tries her as often as a passing
 * outage deserves, says so with a 503 well within the deadline, and stays up itself.
 */
@QuarkusTest
@TestProfile(NoJulietProfile.class)
class UnreachableJulietTest {

    @Inject
    CallFigures figures;

    @Test
    void refusedConnectionIsA503AfterEveryAttemptWithinTheDeadline() {
        TimedCall.callJuliet(); // Romeo builds its REST client on the first call; not what a failure costs
        double retries = RomeoMetrics.value(RomeoMetrics.RETRIES);
        TimedCall call = TimedCall.callJuliet();

        call.answer().then().statusCode(503)
                .contentType(equalTo(Problem.MEDIA_TYPE))
                .header("Retry-After", equalTo(figures.retryAfter()))
                .body("type", equalTo("urn:romeo-juliet:problem:unreachable"))
                .body("detail", equalTo("Juliet at " + NoJulietProfile.URL + " refused the connection"))
                .body("instance", equalTo("/call-juliet"));
        assertEquals(figures.attempts(), 1 + (int) (RomeoMetrics.value(RomeoMetrics.RETRIES) - retries),
                "attempts at a Juliet who refuses the connection, counted by Romeo's retry guard");
        figures.assertRetriedWithinTheDeadline(call, "a refused connection");
    }

    @Test
    void romeoStaysLiveAndReadyWhileHealthShowsJulietDown() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health").then().statusCode(503)
                .body("checks.find { it.name == 'juliet' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'juliet' }.data.url", equalTo(NoJulietProfile.URL));
    }
}
