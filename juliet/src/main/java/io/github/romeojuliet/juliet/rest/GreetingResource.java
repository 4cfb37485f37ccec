package io.github.romeojuliet.juliet.rest;

import io.github.romeojuliet.juliet.config.Identity;
import io.github.romeojuliet.juliet.config.JulietConfig;
import io.micrometer.core.annotation.Counted;
import io.micrometer.core.annotation.Timed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The one call Romeo makes. Plain text is the article's contract; JSON adds who answered. */
@Path("/romeo-please-call-me")
public class GreetingResource {

    private final JulietConfig config;
    private final Identity identity;

    GreetingResource(JulietConfig config, Identity identity) {
        this.config = config;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Counted(value = "juliet.greetings", description = "Greetings Juliet has answered")
    @Timed(value = "juliet.greeting", description = "Time Juliet takes to answer a greeting")
    public String greet() {
        return config.greeting();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Counted(value = "juliet.greetings", description = "Greetings Juliet has answered")
    @Timed(value = "juliet.greeting", description = "Time Juliet takes to answer a greeting")
    public Greeting greetAsJson() {
        return new Greeting(config.greeting(), identity.version(), identity.pod());
    }
}
