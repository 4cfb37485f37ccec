package io.github.romeojuliet.juliet.rest;

import io.github.romeojuliet.juliet.config.Identity;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Stamps every answer (greetings, errors, health and metrics alike) with the version and pod that
 * gave it, so a caller behind a Service or an A/B route can tell which variant it reached without
 * reading the body. It sits on the HTTP router rather than in REST so {@code /q/*} is covered too.
 */
@ApplicationScoped
public class WhoAnsweredFilter {

    public static final String VERSION_HEADER = "X-Juliet-Version";
    public static final String POD_HEADER = "X-Juliet-Pod";

    // Before every other route, so the headers are registered whoever ends up answering.
    private static final int FIRST = -1000;

    void stampEveryAnswer(@Observes Router router, Identity identity) {
        // Encoded once: Netty then copies the bytes into each answer instead of encoding strings.
        CharSequence versionName = HttpHeaders.createOptimized(VERSION_HEADER);
        CharSequence version = HttpHeaders.createOptimized(identity.version());
        CharSequence podName = HttpHeaders.createOptimized(POD_HEADER);
        CharSequence pod = HttpHeaders.createOptimized(identity.pod());
        router.route().order(FIRST).handler(context -> {
            context.addHeadersEndHandler(ignored -> context.response()
                    .putHeader(versionName, version)
                    .putHeader(podName, pod));
            context.next();
        });
    }
}
