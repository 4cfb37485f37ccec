package io.github.romeojuliet.romeo.client;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.github.romeojuliet.romeo.rest.Problem;
import io.github.romeojuliet.romeo.support.NoJulietProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** Nobody listens at Juliet's address: Romeo says so with a 503 and stays up itself. */
@QuarkusTest
@TestProfile(NoJulietProfile.class)
class UnreachableJulietTest {

    @Test
    void refusedConnectionIsA503WithRetryAfter() {
        given().get("/call-juliet")
                .then().statusCode(503)
                .contentType(equalTo(Problem.MEDIA_TYPE))
                .header("Retry-After", equalTo("5"))
                .body("type", equalTo("urn:romeo-juliet:problem:unreachable"))
                .body("detail", equalTo("Juliet at " + NoJulietProfile.URL + " refused the connection"))
                .body("instance", equalTo("/call-juliet"));
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
