package io.github.romeojuliet.romeo.rest;

import io.github.romeojuliet.common.rest.Problem;
import io.github.romeojuliet.romeo.client.failure.JulietCallException;
import io.github.romeojuliet.romeo.config.RomeoConfig;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A failed call to Juliet becomes a gateway-style problem (502, 503 or 504) whose detail names
 * Juliet's URL and the cause in one line. The cause goes to the debug log, never to the caller.
 */
public class JulietCallExceptionMapper {

    private static final Logger LOG = Logger.getLogger(JulietCallExceptionMapper.class);
    static final String TYPE_PREFIX = "urn:romeo-juliet:problem:";

    // Well-behaved callers wait this long before trying again: the circuit breaker's pause.
    private final String retryAfterSeconds;

    JulietCallExceptionMapper(RomeoConfig config) {
        long pause = config.calls().circuitBreaker().delay().toMillis();
        this.retryAfterSeconds = String.valueOf(Math.max(1, (pause + 999) / 1000));
    }

    @ServerExceptionMapper
    public Response toProblem(JulietCallException exception, UriInfo uri) {
        // Counted in romeo_juliet_calls_seconds{outcome}; a line per failure would flood the logs in an outage.
        LOG.debugf(exception.getCause(), "%s (%s)", exception.getMessage(), exception.failure().slug());
        var failure = exception.failure();
        Response.ResponseBuilder problem = Response.status(failure.status())
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(TYPE_PREFIX + failure.slug(), failure.title(), failure.status(),
                        exception.getMessage(), uri.getRequestUri().getPath()));
        if (failure.status() == Response.Status.SERVICE_UNAVAILABLE.getStatusCode()) {
            problem.header("Retry-After", retryAfterSeconds);
        }
        return problem.build();
    }
}
