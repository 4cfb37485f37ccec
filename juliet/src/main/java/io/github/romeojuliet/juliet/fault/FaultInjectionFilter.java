package io.github.romeojuliet.juliet.fault;

import io.github.romeojuliet.juliet.config.JulietConfig;
import io.github.romeojuliet.juliet.rest.GreetingResource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Makes the greeting slow or failing on purpose, so a team can rehearse a bad v2 behind the A/B
 * routing (a chart variant sets JULIET_FAULT_LATENCY and JULIET_FAULT_ERROR_RATE) and watch Romeo's
 * deadline, retries and circuit breaker at work. Off by default, and then not even installed, so
 * the greeting's hot path pays nothing for it. The delay is a timer: no thread sleeps.
 */
@ApplicationScoped
public class FaultInjectionFilter {

    private static final Logger LOG = Logger.getLogger(FaultInjectionFilter.class);
    // After WhoAnsweredFilter (-1000), so an injected failure still names who gave it.
    private static final int AFTER_WHO_ANSWERED = -900;
    private static final String PROBLEM = "{\"type\":\"urn:romeo-juliet:problem:injected-fault\","
            + "\"title\":\"Injected fault\",\"status\":500,"
            + "\"detail\":\"juliet.fault.error-rate=%s answered this greeting with 500\",\"instance\":\"%s\"}";

    static final String INJECTED_ERRORS = "juliet.injected.errors";

    void install(@Observes Router router, JulietConfig config, Vertx vertx, MeterRegistry registry) {
        JulietConfig.Fault fault = config.fault();
        if (!fault.any()) {
            return;
        }
        Counter injectedErrors = Counter.builder(INJECTED_ERRORS)
                .description("Greetings answered 500 on purpose by juliet.fault.error-rate")
                .register(registry);
        LOG.warnf("fault injection on: %s added latency, %s of greetings answered 500",
                fault.latency(), fault.errorRate());
        long delayMillis = fault.latency().toMillis();
        router.route(GreetingResource.PATH).order(AFTER_WHO_ANSWERED).handler(context -> {
            if (delayMillis > 0) {
                vertx.setTimer(delayMillis, ignored -> failOrPass(context, fault.errorRate(), injectedErrors));
            } else {
                failOrPass(context, fault.errorRate(), injectedErrors);
            }
        });
    }

    private static void failOrPass(RoutingContext context, double errorRate, Counter injectedErrors) {
        if (errorRate > 0 && ThreadLocalRandom.current().nextDouble() < errorRate) {
            injectedErrors.increment();
            context.response().setStatusCode(500)
                    .putHeader("Content-Type", "application/problem+json")
                    .end(PROBLEM.formatted(errorRate, GreetingResource.PATH));
        } else {
            context.next();
        }
    }
}
