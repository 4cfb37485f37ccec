package io.github.romeojuliet.juliet.rest;

import io.github.romeojuliet.juliet.config.Identity;
import io.github.romeojuliet.juliet.config.JulietConfig;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The one call Romeo makes. Plain text is the article's contract; JSON adds who answered.
 * Nothing here waits, so both answers are written on the I/O thread that read the request: a hop
 * to a worker thread would cost more than the greeting itself. The commonest plain-text requests
 * never reach this class: {@link PlainGreetingRoute} answers them first. Every greeting, whichever
 * route gives it, is timed from arrival to its last byte by {@code GreetingStopwatch}.
 */
@Path(GreetingResource.PATH)
@NonBlocking
public class GreetingResource {

    public static final String PATH = "/romeo-please-call-me";

    private final String text;
    private final Greeting json;

    GreetingResource(JulietConfig config, Identity identity) {
        this.text = config.greeting();
        this.json = new Greeting(config.greeting(), identity.version(), identity.pod());
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String greet() {
        return text;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Greeting greetAsJson() {
        return json;
    }
}
