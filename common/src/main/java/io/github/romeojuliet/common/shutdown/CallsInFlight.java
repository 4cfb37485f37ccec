package io.github.romeojuliet.common.shutdown;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Makes the exit code say whether the stop answered every call: Quarkus's drain ends at
 * {@code quarkus.shutdown.timeout} whatever is still open, and would then exit 0 all the same.
 * Counts calls from arrival to the end of their answer; one still open once the drain is over was cut.
 */
@Singleton
public class CallsInFlight {

    /** The exit code of a stop that cut calls; 0 stays for one that answered them all. */
    public static final int CALLS_CUT = 3;
    private static final Logger LOG = Logger.getLogger(CallsInFlight.class);

    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger closedUnansweredWhileStopping = new AtomicInteger();
    private volatile boolean stopping;
    private final Handler<AsyncResult<Void>> ended = this::ended;

    void countFromArrival(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::arrived);
    }

    private void arrived(RoutingContext call) {
        open.incrementAndGet();
        call.addEndHandler(ended);
        call.next();
    }

    private void ended(AsyncResult<Void> answer) {
        open.decrementAndGet();
        if (answer.failed() && stopping) { // the connection closed before the answer ended
            closedUnansweredWhileStopping.incrementAndGet();
        }
    }

    /** Quarkus fires this as the stop begins, before its drain. */
    void stopBegins(@Observes ShutdownEvent stop) {
        stopping = true;
    }

    /**
     * The container is torn down after Quarkus's drain has ended, answered or timed out; the server
     * may already have closed the connections of calls the timeout cut, so those count too.
     */
    @PreDestroy
    void afterDrain() {
        int cut = open.get() + closedUnansweredWhileStopping.get();
        if (cut > 0 && LaunchMode.current() == LaunchMode.NORMAL) {
            LOG.errorf("the shutdown timeout (quarkus.shutdown.timeout) cut %d call(s) still in flight", cut);
            System.out.flush();
            System.err.flush();
            // The stop began with exit code 0 (SigtermHandler); only halt can still change it.
            Runtime.getRuntime().halt(CALLS_CUT);
        }
    }
}
