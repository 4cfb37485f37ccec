package io.github.romeojuliet.romeo.client.transport;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * Keeps every attempt of a call on the Vert.x context the call came in on. The guards run each
 * call in place, so the first attempt is already there; only a retry, started by the fault
 * tolerance timer after its wait, finds itself on another thread and is sent back. There the
 * attempt gets its event loop's own client to Juliet, the incoming request's routing hints and the
 * caller's trace, as the first attempt did.
 */
public final class CallersContext {

    private final Context caller;

    private CallersContext(Context caller) {
        this.caller = caller;
    }

    /** The context of the call being made on this thread; none when the call comes from outside Vert.x. */
    public static CallersContext current() {
        return new CallersContext(Vertx.currentContext());
    }

    public <T> Uni<T> run(Supplier<Uni<T>> attempt) {
        if (caller == null || Vertx.currentContext() == caller) {
            return attempt.get();
        }
        return Uni.createFrom().<T>deferred(attempt::get)
                .runSubscriptionOn(task -> caller.runOnContext(ignored -> task.run()));
    }
}
