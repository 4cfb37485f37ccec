package io.github.romeojuliet.romeo.rest;

import static io.github.romeojuliet.common.testing.HeldWorkerThread.fiveSecondClient;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.github.romeojuliet.common.testing.HeldWorkerThread;
import io.github.romeojuliet.common.testing.SingleWorkerThreadProfile;
import io.github.romeojuliet.romeo.support.ScriptedJulietResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.junit.jupiter.api.Test;

/**
 * Romeo calls Juliet, in both forms, while its only worker thread is held busy: the resource, the
 * REST client and the guards never need one. Were any of them to block a worker, the call would
 * queue behind it and the client's 5 s timeout would fail the test instead of hanging it.
 */
@QuarkusTest
@TestProfile(SingleWorkerThreadProfile.class)
@WithTestResource(ScriptedJulietResource.class)
class CallJulietOnIoThreadTest {

    @Inject
    ManagedExecutor workers;

    @Test
    void callsJulietWhileEveryWorkerThreadIsBusy() throws Exception {
        try (HeldWorkerThread held = HeldWorkerThread.hold(workers)) {
            given().config(fiveSecondClient()).get("/call-juliet")
                    .then().statusCode(200).body(equalTo("Hello Romeo, this is Juliet."));
            given().config(fiveSecondClient()).accept("application/json").get("/call-juliet")
                    .then().statusCode(200).body("message", equalTo("Hello Romeo, this is Juliet."));
        }
    }
}
