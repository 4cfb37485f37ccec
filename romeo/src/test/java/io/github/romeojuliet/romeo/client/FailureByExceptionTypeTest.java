package io.github.romeojuliet.romeo.client;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.romeojuliet.romeo.support.CallFigures;
import io.github.romeojuliet.romeo.support.RawSocketJuliet;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The failures a real socket makes, each classified by the exception type the HTTP client raises
 * for it: a reset and an answer cut off mid-body are bad answers (retried), a Juliet who never
 * answers times out. A refused connection and an unknown host are UnreachableJulietTest's and
 * UnresolvableJulietTest's.
 */
@QuarkusTest
@WithTestResource(RawSocketJuliet.class)
class FailureByExceptionTypeTest {

    @Inject
    CallFigures figures;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void closedCircuit() {
        breakers.resetAll();
    }

    @Test
    void aResetConnectionIsABadAnswer() {
        RawSocketJuliet.current().behave(RawSocketJuliet.Behaviour.RESET);
        given().get("/call-juliet").then().statusCode(502)
                .body("type", equalTo("urn:romeo-juliet:problem:bad-answer"))
                .body("detail", equalTo("Juliet closed the connection before answering in full"));
        assertEquals(figures.attempts(), RawSocketJuliet.current().requests());
    }

    @Test
    void anAnswerCutOffMidBodyIsABadAnswer() {
        RawSocketJuliet.current().behave(RawSocketJuliet.Behaviour.CLOSE_MID_BODY);
        given().get("/call-juliet").then().statusCode(502)
                .body("type", equalTo("urn:romeo-juliet:problem:bad-answer"))
                .body("detail", equalTo("Juliet closed the connection before answering in full"));
    }

    @Test
    void aFrozenJulietTimesOut() {
        RawSocketJuliet.current().behave(RawSocketJuliet.Behaviour.FREEZE);
        given().get("/call-juliet").then().statusCode(504)
                .body("type", equalTo("urn:romeo-juliet:problem:timed-out"))
                .body("detail", equalTo("Juliet did not answer in time"));
    }
}
