package io.github.romeojuliet.romeo.client;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fails a call that has not answered within its deadline, and cancels it; and cancels it as well
 * when the caller goes away first, so no call to Juliet outlives the request it serves. The timer
 * is the event loop's own (a Vert.x timer on the thread that made the call): no hand-off to
 * another thread.
 */
final class Deadline {

    private final Vertx vertx;
    private final long limitMillis;

    Deadline(Vertx vertx, Duration limit) {
        this.vertx = vertx;
        this.limitMillis = limit.toMillis();
    }

    /** One call's deadline, started when the call is subscribed to. */
    Call start() {
        return new Call();
    }

    /** Settled once: by the answer, the failure, the timer or the caller leaving, whichever comes first. */
    final class Call extends AtomicBoolean {

        private volatile Cancellable running;
        private volatile Cancellable attempt;
        private volatile boolean callerLeft;
        private long timer = -1;

        /**
         * Remembers the attempt in flight: the guards between the deadline and the attempt do not
         * pass a cancellation on, so a caller leaving cancels the attempt itself.
         */
        <T> Uni<T> attempt(Uni<T> attempt) {
            return attempt.onSubscription().invoke(this::attempting);
        }

        private void attempting(Cancellable subscription) {
            attempt = subscription;
            if (callerLeft) {
                subscription.cancel();
            }
        }

        <T> Uni<T> bound(Uni<T> call) {
            return Uni.createFrom().emitter(emitter -> {
                timer = vertx.setTimer(limitMillis, expired -> expired(emitter));
                running = call.subscribe().with(
                        item -> {
                            if (compareAndSet(false, true)) {
                                vertx.cancelTimer(timer);
                                emitter.complete(item);
                            }
                        },
                        failure -> {
                            if (compareAndSet(false, true)) {
                                vertx.cancelTimer(timer);
                                emitter.fail(failure);
                            }
                        });
                if (callerLeft) {
                    running.cancel();
                }
            });
        }

        /** The caller went away: the timer is disarmed and the call to Juliet cancelled, freeing its connection slot. */
        void cancel() {
            callerLeft = true;
            if (compareAndSet(false, true)) {
                vertx.cancelTimer(timer);
                cancelRunning();
            }
        }

        private void cancelRunning() {
            Cancellable call = running;
            if (call != null) {
                call.cancel();
            }
            Cancellable inFlight = attempt;
            if (inFlight != null) {
                inFlight.cancel();
            }
        }

        private void expired(UniEmitter<?> emitter) {
            if (compareAndSet(false, true)) {
                cancelRunning();
                emitter.fail(new TimeoutException("no answer within " + limitMillis + " ms"));
            }
        }
    }
}
