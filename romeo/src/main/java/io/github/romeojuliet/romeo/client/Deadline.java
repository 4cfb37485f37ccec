package io.github.romeojuliet.romeo.client;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fails a call that has not answered within its deadline, and cancels it. The timer is the event
 * loop's own (a Vert.x timer on the thread that made the call), so keeping a deadline on every
 * call costs no hand-off to another thread.
 */
final class Deadline {

    private final Vertx vertx;
    private final Duration limit;

    Deadline(Vertx vertx, Duration limit) {
        this.vertx = vertx;
        this.limit = limit;
    }

    <T> Uni<T> bound(Uni<T> call) {
        return Uni.createFrom().emitter(emitter -> {
            AtomicBoolean settled = new AtomicBoolean();
            AtomicReference<Cancellable> subscription = new AtomicReference<>();
            AtomicLong timer = new AtomicLong(-1);
            timer.set(vertx.setTimer(limit.toMillis(), expired -> {
                if (settled.compareAndSet(false, true)) {
                    Cancellable running = subscription.get();
                    if (running != null) {
                        running.cancel();
                    }
                    emitter.fail(new TimeoutException("no answer within " + limit.toMillis() + " ms"));
                }
            }));
            subscription.set(call.subscribe().with(
                    item -> {
                        if (settled.compareAndSet(false, true)) {
                            vertx.cancelTimer(timer.get());
                            emitter.complete(item);
                        }
                    },
                    failure -> {
                        if (settled.compareAndSet(false, true)) {
                            vertx.cancelTimer(timer.get());
                            emitter.fail(failure);
                        }
                    }));
        });
    }
}
