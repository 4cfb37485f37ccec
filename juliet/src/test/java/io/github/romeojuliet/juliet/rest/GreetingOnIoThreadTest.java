package io.github.romeojuliet.juliet.rest;

import static io.github.romeojuliet.common.testing.HeldWorkerThread.fiveSecondClient;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.github.romeojuliet.common.testing.HeldWorkerThread;
import io.github.romeojuliet.common.testing.SingleWorkerThreadProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.junit.jupiter.api.Test;

/**
 * Every greeting is answered while the only worker thread is held busy: the plain route's text,
 * REST's negotiated text and REST's JSON. Proof that they run on the I/O thread. Were they dispatched to a worker, they would queue behind it and the client's
 * 5 s timeout would fail the test instead of hanging it.
 */
@QuarkusTest
@TestProfile(SingleWorkerThreadProfile.class)
class GreetingOnIoThreadTest {

    @Inject
    ManagedExecutor workers;

    @Test
    void answersEveryFormWhileEveryWorkerThreadIsBusy() throws Exception {
        try (HeldWorkerThread held = HeldWorkerThread.hold(workers)) {
            given().config(fiveSecondClient()).get("/romeo-please-call-me")
                    .then().statusCode(200).body(equalTo(GreetingResourceTest.GREETING));
            // An Accept with a choice in it: the plain route leaves it to REST.
            given().config(fiveSecondClient()).accept("text/plain, application/json;q=0.5").get("/romeo-please-call-me")
                    .then().statusCode(200).body(equalTo(GreetingResourceTest.GREETING));
            given().config(fiveSecondClient()).accept("application/json").get("/romeo-please-call-me")
                    .then().statusCode(200).body("message", equalTo(GreetingResourceTest.GREETING));
        }
    }
}
