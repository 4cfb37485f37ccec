package io.github.romeojuliet.juliet.fault;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** Injected faults slow and fail the greeting only, and the failure still says who gave it. */
@QuarkusTest
@TestProfile(SlowAndFailingVariantProfile.class)
class FaultInjectionFilterTest {

    /** The version a plain build reports: the project's, passed in by Maven. */
    static final String VERSION = System.getProperty("project.version");

    @Test
    void greetingIsLateThenFailsWithAProblem() {
        given().get("/q/health/live").then().statusCode(200); // warm the test client first
        long started = System.nanoTime();
        given().get("/romeo-please-call-me")
                .then().statusCode(500)
                .contentType(equalTo("application/problem+json"))
                .header("X-Juliet-Version", equalTo(VERSION))
                .body("type", equalTo("urn:romeo-juliet:problem:injected-fault"))
                .body("detail", equalTo("juliet.fault.error-rate=1.0 answered this greeting with 500"));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(tookMillis >= SlowAndFailingVariantProfile.LATENCY_MILLIS, () -> "answered after " + tookMillis + " ms");
    }

    @Test
    void everyInjectedErrorIsCounted() {
        double before = injectedErrors();
        given().get("/romeo-please-call-me").then().statusCode(500);
        given().get("/romeo-please-call-me").then().statusCode(500);
        assertEquals(before + 2, injectedErrors(), "juliet_injected_errors_total after two failed greetings");
    }

    private static double injectedErrors() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith("juliet_injected_errors_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no juliet_injected_errors_total in /q/metrics"));
    }

    @Test
    void probesAndMetricsAreNotFaulted() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }
}
