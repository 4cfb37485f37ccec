package io.github.romeojuliet.romeo.rest;

import io.github.romeojuliet.romeo.client.JulietCallException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A failed call to Juliet becomes a gateway-style problem (502, 503 or 504) whose detail names
 * Juliet's URL and the cause in one line. The stack trace goes to the debug log, never to the caller.
 */
public class JulietCallExceptionMapper {

    private static final Logger LOG = Logger.getLogger(JulietCallExceptionMapper.class);
    static final String TYPE_PREFIX = "urn:romeo-juliet:problem:";

    @ServerExceptionMapper
    public Response toProblem(JulietCallException exception, UriInfo uri) {
        LOG.warnf("%s (%s)", exception.getMessage(), exception.failure().slug());
        LOG.debug("cause of the failed call to Juliet", exception.getCause());
        var failure = exception.failure();
        if (failure.status() == Response.Status.SERVICE_UNAVAILABLE.getStatusCode()) {
            // Tell well-behaved callers when trying again makes sense.
            return problem(exception, uri).header("Retry-After", "5").build();
        }
        return problem(exception, uri).build();
    }

    private static Response.ResponseBuilder problem(JulietCallException exception, UriInfo uri) {
        var failure = exception.failure();
        return Response.status(failure.status())
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(TYPE_PREFIX + failure.slug(), failure.title(), failure.status(),
                        exception.getMessage(), uri.getRequestUri().getPath()));
    }
}
