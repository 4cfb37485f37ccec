package io.github.romeojuliet.romeo.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.romeojuliet.romeo.support.ScriptedJulietResource;
import io.github.romeojuliet.romeo.support.SingleWorkerThreadProfile;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import jakarta.inject.Inject;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
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
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<String> worker = new AtomicReference<>();
        workers.submit(() -> {
            worker.set(Thread.currentThread().getName());
            busy.countDown();
            release.await();
            return null;
        });
        assertTrue(busy.await(5, TimeUnit.SECONDS), "the worker thread never started");
        try {
            assertTrue(worker.get().startsWith("executor-thread"), "not a worker thread: " + worker.get());
            given().config(fiveSecondClient()).get("/call-juliet")
                    .then().statusCode(200).body(equalTo("Hello Romeo, this is Juliet."));
            given().config(fiveSecondClient()).accept("application/json").get("/call-juliet")
                    .then().statusCode(200).body("message", equalTo("Hello Romeo, this is Juliet."));
        } finally {
            release.countDown();
        }
    }

    private static RestAssuredConfig fiveSecondClient() {
        return RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", 5_000)
                .setParam("http.connection.timeout", 5_000));
    }
}
