package io.github.romeojuliet.romeo.rest;

import io.github.romeojuliet.romeo.client.JulietCalls;
import io.github.romeojuliet.romeo.client.TimedGreeting;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Romeo calls Juliet by her Service name and tells the caller what she said. */
@Path("/call-juliet")
public class CallJulietResource {

    private final JulietCalls juliet;

    CallJulietResource(JulietCalls juliet) {
        this.juliet = juliet;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String call() {
        return juliet.greet().greeting().message();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public CallResult callAsJson() {
        TimedGreeting answer = juliet.greet();
        return new CallResult(answer.greeting().message(), answer.greeting().version(), answer.greeting().pod(),
                answer.roundTrip().toNanos() / 1_000_000.0);
    }
}
