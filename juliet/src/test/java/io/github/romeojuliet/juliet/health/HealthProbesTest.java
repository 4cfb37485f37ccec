package io.github.romeojuliet.juliet.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GreetingHealthCheckTest {

    /** The version a plain build reports: the project's, passed in by Maven. */
    static final String VERSION = System.getProperty("project.version");

    @ParameterizedTest
    @ValueSource(strings = {"/q/health/live", "/q/health/ready", "/q/health/started", "/q/health"})
    void everyProbeIsUp(String path) {
        given().when().get(path)
                .then().statusCode(200)
                .body("status", equalTo("UP"));
    }

    @Test
    void readinessNamesTheVariant() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.name", hasItem("greeting"))
                .body("checks.find { it.name == 'greeting' }.data.version", equalTo(VERSION));
    }

    @Test
    void healthAnswersAreStampedWithWhoAnswered() {
        given().when().get("/q/health/live")
                .then().statusCode(200)
                .header("X-Juliet-Version", equalTo(VERSION));
    }
}
