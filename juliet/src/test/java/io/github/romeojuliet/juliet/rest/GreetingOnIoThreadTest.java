package io.github.romeojuliet.juliet.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
            given().config(fiveSecondClient()).get("/romeo-please-call-me")
                    .then().statusCode(200).body(equalTo(GreetingResourceTest.GREETING));
            // An Accept with a choice in it: the plain route leaves it to REST.
            given().config(fiveSecondClient()).accept("text/plain, application/json;q=0.5").get("/romeo-please-call-me")
                    .then().statusCode(200).body(equalTo(GreetingResourceTest.GREETING));
            given().config(fiveSecondClient()).accept("application/json").get("/romeo-please-call-me")
                    .then().statusCode(200).body("message", equalTo(GreetingResourceTest.GREETING));
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
