package io.github.romeojuliet.common.shutdown;

import io.github.romeojuliet.common.rest.StrictHttp1Framing;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Makes the exit code say whether the stop answered every call: Quarkus's drain ends at
 * {@code quarkus.shutdown.timeout} whatever is still open, and would then exit 0 all the same.
 * Counts calls from arrival to the end of their answer; one still open once the drain is over was cut.
 * Needs {@code quarkus.shutdown.delay-enabled} and {@code quarkus.shutdown.timeout}, which both services set.
 */
@Singleton
public class CallsInFlight {

    /** The exit code of a stop that cut calls; 0 stays for one that answered them all. */
    public static final int CALLS_CUT = 3;
    private static final Logger LOG = Logger.getLogger(CallsInFlight.class);

    // Counted from every event loop on every request: an adder, which they do not contend on.
    private final LongAdder open = new LongAdder();
    private final AtomicInteger endedAfterTheDrain = new AtomicInteger();
    private final Handler<AsyncResult<Void>> ended = this::ended;
    private final long drainNanos;
    private volatile boolean stopping;
    private volatile long drainGivesUpAt;

    CallsInFlight(@ConfigProperty(name = "quarkus.shutdown.delay-enabled", defaultValue = "false") boolean delayEnabled,
                  @ConfigProperty(name = "quarkus.shutdown.delay") Optional<Duration> delay,
                  @ConfigProperty(name = "quarkus.shutdown.timeout") Optional<Duration> timeout) {
        Duration waited = delayEnabled ? delay.orElse(Duration.ZERO) : Duration.ZERO;
        this.drainNanos = waited.plus(timeout.orElse(Duration.ZERO)).toNanos();
    }

    void countFromArrival(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::arrived);
    }

    // The one route every request passes first, so the framing check rides on it at no extra dispatch.
    private void arrived(RoutingContext call) {
        if (StrictHttp1Framing.refused(call.request())) {
            return;
        }
        open.increment();
        call.addEndHandler(ended);
        call.next();
    }

    private void ended(AsyncResult<Void> answer) {
        open.decrement();
        // Still open when the drain gave up: ended since by the server closing it, or answered in
        // error because the stop tore down what the call needed.
        if (stopping && System.nanoTime() - drainGivesUpAt > 0) {
            endedAfterTheDrain.incrementAndGet();
        }
    }

    /** Quarkus fires this as the stop begins, before its delay and drain (both services enable the delay). */
    void stopBegins(@Observes ShutdownDelayInitiatedEvent stop) {
        drainGivesUpAt = System.nanoTime() + drainNanos;
        stopping = true;
    }

    /** The container is torn down after Quarkus's drain has ended, answered or timed out. */
    @PreDestroy
    void afterDrain() {
        int cut = open.intValue() + endedAfterTheDrain.get();
        if (cut > 0 && LaunchMode.current() == LaunchMode.NORMAL) {
            LOG.errorf("the shutdown timeout (quarkus.shutdown.timeout) cut %d call(s) still in flight", cut);
            System.out.flush();
            System.err.flush();
            // The stop began with exit code 0 (SigtermHandler); only halt can still change it.
            Runtime.getRuntime().halt(CALLS_CUT);
        }
    }
}
