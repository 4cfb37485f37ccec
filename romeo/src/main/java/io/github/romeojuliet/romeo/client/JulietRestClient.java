package io.github.romeojuliet.romeo.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Juliet's HTTP interface and nothing more; {@link JulietClient} decides what a failure means. */
@RegisterRestClient(configKey = "juliet")
@RegisterClientHeaders(RoutingHintsHeadersFactory.class)
interface JulietRestClient {

    @GET
    @Path("/romeo-please-call-me")
    @Produces(MediaType.APPLICATION_JSON)
    JulietGreeting greet();

    @GET
    @Path("/q/health/ready")
    @Produces(MediaType.APPLICATION_JSON)
    String readiness();
}
