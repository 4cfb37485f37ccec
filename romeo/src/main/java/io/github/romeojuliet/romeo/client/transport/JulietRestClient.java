package io.github.romeojuliet.romeo.client.transport;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Juliet's HTTP interface and nothing more; {@link io.github.romeojuliet.romeo.client.JulietClient} decides what a failure means.
 * Every method returns a {@link Uni}, so no thread waits while Juliet answers.
 */
@RegisterRestClient(configKey = "juliet")
@RegisterClientHeaders(RoutingHintsHeadersFactory.class)
@RegisterProvider(BatchedWritesToJuliet.class)
public interface JulietRestClient {

    /**
     * The article's plain-text greeting; who answered comes in Juliet's response headers. A plain
     * {@link Response}, not a generic one: the generated client looks a generic return type's class
     * up by name on every call.
     */
    @GET
    @Path("/romeo-please-call-me")
    @Produces(MediaType.TEXT_PLAIN)
    Uni<Response> greetAsText();

    /** The JSON greeting, read by the caller only once the status says it is one. */
    @GET
    @Path("/romeo-please-call-me")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> greetAsJson();

    @GET
    @Path("/q/health/ready")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<String> readiness();
}
