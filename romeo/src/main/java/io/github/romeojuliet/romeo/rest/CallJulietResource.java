package io.github.romeojuliet.romeo.rest;

import io.github.romeojuliet.romeo.client.JulietClient;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Romeo calls Juliet by her Service name and tells the caller what she said. Both answers are
 * {@link Uni}s, so the I/O thread that read the request is free while Juliet answers.
 */
@Path("/call-juliet")
public class CallJulietResource {

    private final JulietClient juliet;

    CallJulietResource(JulietClient juliet) {
        this.juliet = juliet;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public Uni<String> call() {
        return juliet.greetAsText().map(answer -> answer.greeting().message());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<CallResult> callAsJson() {
        return juliet.greetAsJson().map(CallResult::of);
    }
}
