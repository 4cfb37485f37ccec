package io.github.romeojuliet.juliet.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Juliet's probes: she depends on nothing whose loss should take her out of the Service, so they
 * are Quarkus's own, and every answer, theirs included, names her variant in X-Juliet-Version. (The
 * readiness check on her greeting that was here could never fail: a blank one stops her at start.)
 */
@QuarkusTest
class HealthProbesTest {

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
    void healthAnswersAreStampedWithWhoAnswered() {
        given().when().get("/q/health/live")
                .then().statusCode(200)
                .header("X-Juliet-Version", equalTo(VERSION));
    }
}
