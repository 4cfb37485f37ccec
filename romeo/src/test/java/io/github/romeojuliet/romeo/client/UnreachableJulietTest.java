package io.github.romeojuliet.romeo.client;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.github.romeojuliet.romeo.support.CallFigures;
import io.github.romeojuliet.romeo.support.NoJulietProfile;
import io.github.romeojuliet.romeo.support.UnreachableCall;
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
        UnreachableCall.assertAnswered503AfterEveryAttempt(figures,
                "Juliet refused the connection", "a Juliet who refuses the connection");
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
