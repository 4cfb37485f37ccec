package io.github.romeojuliet.romeo.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Juliet's HTTP interface and nothing more; {@link JulietClient} decides what a failure means.
 * Every method returns a {@link Uni}, so no thread waits while Juliet answers.
 */
@RegisterRestClient(configKey = "juliet")
@RegisterClientHeaders(RoutingHintsHeadersFactory.class)
@RegisterProvider(BatchedWritesToJuliet.class)
interface JulietRestClient {

    /** The article's plain-text greeting; who answered comes in Juliet's response headers. */
    @GET
    @Path("/romeo-please-call-me")
    @Produces(MediaType.TEXT_PLAIN)
    Uni<RestResponse<String>> greetAsText();

    @GET
    @Path("/romeo-please-call-me")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<JulietGreeting> greetAsJson();

    @GET
    @Path("/q/health/ready")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<String> readiness();
}
