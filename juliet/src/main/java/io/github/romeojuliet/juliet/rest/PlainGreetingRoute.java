package io.github.romeojuliet.juliet.rest;

import io.github.romeojuliet.juliet.config.JulietConfig;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;

/**
 * Answers the plain-text greeting straight from the router when there is nothing to negotiate (a GET
 * asking for plain text, anything or no type: Romeo, curl, probes), skipping Quarkus REST's per-request
 * work (docs/performance.md). Everything else goes on to {@link GreetingResource}: same bytes, same timer.
 */
@ApplicationScoped
public class PlainGreetingRoute {

    // After FaultInjectionFilter (-900), so a rehearsed bad variant is slow and failing here too.
    private static final int AFTER_FAULTS = -800;
    // The header Quarkus REST answers the same request with, encoded once.
    private static final CharSequence CONTENT_TYPE = HttpHeaders.createOptimized("Content-Type");
    private static final CharSequence TEXT_UTF8 = HttpHeaders.createOptimized("text/plain;charset=UTF-8");

    // Compared as they come: any other spelling is left to REST, which answers it the same way.
    // text/plain;charset=UTF-8 is what Romeo's REST client sends for his text call.
    private static final Set<String> NOTHING_TO_NEGOTIATE = Set.of("*/*", "text/plain", "text/plain;charset=UTF-8");

    void install(@Observes Router router, JulietConfig config) {
        Buffer greeting = Buffer.buffer(config.greeting());
        router.route(HttpMethod.GET, GreetingResource.PATH).order(AFTER_FAULTS).handler(context -> {
            if (!asksForPlainText(context)) {
                context.next();
                return;
            }
            context.response().putHeader(CONTENT_TYPE, TEXT_UTF8).end(greeting);
        });
    }

    private static boolean asksForPlainText(RoutingContext context) {
        String accept = context.request().getHeader(HttpHeaders.ACCEPT);
        return accept == null || NOTHING_TO_NEGOTIATE.contains(accept);
    }
}
