package io.github.romeojuliet.common.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.context.ManagedExecutor;

/**
 * Holds the only worker thread of a {@link SingleWorkerThreadProfile} application busy until closed,
 * to show what still answers without one. Requests made meanwhile should use {@link #fiveSecondClient()}:
 * a request that needed the worker then fails on the timeout instead of hanging the test.
 */
public final class HeldWorkerThread implements AutoCloseable {

    private final CountDownLatch release = new CountDownLatch(1);

    private HeldWorkerThread() {
    }

    public static HeldWorkerThread hold(ManagedExecutor workers) throws InterruptedException {
        HeldWorkerThread held = new HeldWorkerThread();
        CountDownLatch busy = new CountDownLatch(1);
        AtomicReference<String> worker = new AtomicReference<>();
        workers.submit(() -> {
            worker.set(Thread.currentThread().getName());
            busy.countDown();
            held.release.await();
            return null;
        });
        assertTrue(busy.await(5, TimeUnit.SECONDS), "the worker thread never started");
        assertTrue(worker.get().startsWith("executor-thread"), "not a worker thread: " + worker.get());
        return held;
    }

    public static RestAssuredConfig fiveSecondClient() {
        return RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", 5_000)
                .setParam("http.connection.timeout", 5_000));
    }

    @Override
    public void close() {
        release.countDown();
    }
}
