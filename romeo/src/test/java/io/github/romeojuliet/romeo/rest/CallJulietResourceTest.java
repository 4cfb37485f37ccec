package io.github.romeojuliet.romeo.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.romeojuliet.common.rest.Problem;
import io.github.romeojuliet.romeo.support.RealJuliet;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Romeo calling the real, packaged Juliet running as its own process. */
@QuarkusTest
@WithTestResource(RealJuliet.class)
class CallJulietResourceTest {

    /** The version a plain build reports: the project's, passed in by Maven. */
    static final String VERSION = System.getProperty("project.version");

    @Test
    void relaysJulietsExactGreeting() {
        String body = given().when().get("/call-juliet")
                .then().statusCode(200)
                .contentType(containsString("text/plain"))
                .extract().asString();
        assertEquals("Hello Romeo, this is Juliet.", body);
    }

    @Test
    void jsonNamesTheJulietThatAnsweredAndTheRoundTrip() {
        given().accept("application/json").when().get("/call-juliet")
                .then().statusCode(200)
                .body("message", equalTo("Hello Romeo, this is Juliet."))
                .body("julietVersion", equalTo(VERSION))
                .body("julietPod", not(emptyOrNullString()))
                .body("roundTripMillis", greaterThan(0f));
    }

    @Test
    void timesSuccessfulCallsByJulietVersion() {
        given().get("/call-juliet").then().statusCode(200);
        given().accept("text/plain").get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("romeo_juliet_calls_seconds_count{juliet_version=\"" + VERSION + "\",outcome=\"success\""));
    }

    @Test
    void healthShowsJulietReachable() {
        given().get("/q/health")
                .then().statusCode(200)
                .body("checks.name", hasItem("juliet"))
                .body("checks.find { it.name == 'juliet' }.status", equalTo("UP"));
    }

    @Test
    void unknownPathIsA404Problem() {
        given().get("/call-paris")
                .then().statusCode(404)
                .contentType(equalTo(Problem.MEDIA_TYPE))
                .body("status", equalTo(404))
                .body("detail", equalTo("GET /call-paris: Not Found"));
    }

    @Test
    void wrongMethodIsA405Problem() {
        given().delete("/call-juliet")
                .then().statusCode(405)
                .contentType(equalTo(Problem.MEDIA_TYPE))
                .body("status", equalTo(405));
    }
}
