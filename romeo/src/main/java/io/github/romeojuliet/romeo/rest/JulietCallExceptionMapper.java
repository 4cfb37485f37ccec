package io.github.romeojuliet.romeo.rest;

import io.github.romeojuliet.common.rest.Problem;
import io.github.romeojuliet.romeo.client.failure.JulietCallException;
import io.github.romeojuliet.romeo.client.failure.JulietFailure;
import io.github.romeojuliet.romeo.config.RomeoConfig;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A failed call to Juliet becomes a gateway-style problem (502, 503 or 504). The caller learns what
 * kind of failure it was and nothing of Romeo's insides; the operator's line in the log names
 * Juliet's address, the cause and the trace id to find the call by.
 */
public class JulietCallExceptionMapper {

    private static final Logger LOG = Logger.getLogger(JulietCallExceptionMapper.class);
    static final String TYPE_PREFIX = "urn:romeo-juliet:problem:";

    // Well-behaved callers wait this long before trying again: the circuit breaker's pause.
    private final String retryAfterSeconds;

    JulietCallExceptionMapper(RomeoConfig config) {
        this.retryAfterSeconds = seconds(config.calls().circuitBreaker().delay());
    }

    @ServerExceptionMapper
    public Response toProblem(JulietCallException exception, UriInfo uri) {
        JulietFailure failure = exception.failure();
        log(exception);
        Response.ResponseBuilder problem = Response.status(failure.status())
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(TYPE_PREFIX + failure.slug(), failure.title(), failure.status(),
                        exception.callerDetail(), uri.getRequestUri().getPath()));
        if (failure.status() == Response.Status.SERVICE_UNAVAILABLE.getStatusCode()) {
            problem.header("Retry-After", exception.retryAfter().map(JulietCallExceptionMapper::seconds).orElse(retryAfterSeconds));
        }
        return problem.build();
    }

    /**
     * One line per failed call, except those the open circuit turned away: CircuitLog says once
     * that it opened, and a line for each would flood the log during an outage.
     */
    private static void log(JulietCallException exception) {
        Logger.Level level = exception.failure() == JulietFailure.CIRCUIT_OPEN ? Logger.Level.DEBUG : Logger.Level.INFO;
        if (LOG.isEnabled(level)) {
            SpanContext span = Span.current().getSpanContext();
            LOG.logf(level, "%s (%s, trace %s)", exception.getMessage(), exception.failure().slug(),
                    span.isValid() ? span.getTraceId() : "none");
            LOG.debug("the cause", exception.getCause());
        }
    }

    private static String seconds(Duration wait) {
        return String.valueOf(Math.max(1, (wait.toMillis() + 999) / 1000));
    }
}
