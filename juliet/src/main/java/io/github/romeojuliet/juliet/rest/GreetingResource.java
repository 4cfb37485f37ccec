package io.github.romeojuliet.juliet.rest;

import io.github.romeojuliet.juliet.config.Identity;
import io.github.romeojuliet.juliet.config.JulietConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.TimeUnit;

/**
 * The one call Romeo makes. Plain text is the article's contract; JSON adds who answered.
 * Nothing here waits, so both answers are written on the I/O thread that read the request: a hop
 * to a worker thread would cost more than the greeting itself.
 */
@Path("/romeo-please-call-me")
@NonBlocking
// Created at start, so the greeting series are scraped at zero before the first call and rate() sees it.
@Startup
public class GreetingResource {

    static final String TIMER = "juliet.greeting";

    private final String text;
    private final Greeting json;
    // Built once: a meter lookup per request would cost more than the answer it measures.
    private final Timer textTimer;
    private final Timer jsonTimer;

    GreetingResource(JulietConfig config, Identity identity, MeterRegistry registry) {
        this.text = config.greeting();
        this.json = new Greeting(config.greeting(), identity.version(), identity.pod());
        this.textTimer = timer(registry, "text");
        this.jsonTimer = timer(registry, "json");
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String greet() {
        long started = System.nanoTime();
        String answer = text;
        record(textTimer, started);
        return answer;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Greeting greetAsJson() {
        long started = System.nanoTime();
        Greeting answer = json;
        record(jsonTimer, started);
        return answer;
    }

    private static void record(Timer timer, long started) {
        timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    private static Timer timer(MeterRegistry registry, String format) {
        return Timer.builder(TIMER)
                .description("Greetings Juliet has answered, and the time each took")
                .tag("format", format)
                .register(registry);
    }
}
