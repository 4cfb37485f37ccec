package io.github.romeojuliet.juliet.metrics;

import io.github.romeojuliet.juliet.rest.GreetingResource;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Starts each greeting's clock as the request reaches the router, before any other route
 * (injected faults included), and stops it once the answer's last byte is written, whichever
 * route answered and however: plain route, Quarkus REST, an injected 500 or a problem answer.
 */
@ApplicationScoped
public class GreetingStopwatch {

    // Before WhoAnsweredFilter (-1000) and FaultInjectionFilter (-900): a greeting's time starts on arrival.
    private static final int ON_ARRIVAL = -1100;

    void install(@Observes Router router, GreetingTimers timers) {
        router.route(GreetingResource.PATH).order(ON_ARRIVAL).handler(context -> {
            long started = System.nanoTime();
            HttpServerResponse response = context.response();
            // The routing context's list, not the response's single slot, so another end handler cannot replace this one.
            context.addBodyEndHandler(ignored ->
                    timers.record(format(context.request(), response), response.getStatusCode(), started));
            context.next();
        });
    }

    /**
     * The format of the greeting given, read from the answer's type; for an answer that is not a
     * greeting (an injected 500, a 405 or 406 problem), the format the caller asked for.
     */
    static int format(HttpServerRequest request, HttpServerResponse response) {
        String type = response.headers().get(HttpHeaders.CONTENT_TYPE);
        if (type != null) {
            if (type.startsWith("text/plain")) {
                return GreetingTimers.TEXT;
            }
            if (type.startsWith("application/json")) {
                return GreetingTimers.JSON;
            }
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains("json")) {
            return GreetingTimers.JSON;
        }
        if (accept == null || accept.contains("text/") || accept.contains("*/*")) {
            return GreetingTimers.TEXT;
        }
        return GreetingTimers.OTHER;
    }
}
