package io.github.romeojuliet.common.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns the framework's HTTP errors (unknown path, wrong method, unacceptable media type) into
 * problem details, so callers get a one-line reason instead of an empty body.
 */
public class WebApplicationExceptionMapper {

    @ServerExceptionMapper
    public Response toProblem(WebApplicationException exception, UriInfo uri, Request request) {
        Response.StatusType status = exception.getResponse().getStatusInfo();
        String path = uri.getRequestUri().getPath();
        String detail = "%s %s: %s".formatted(request.getMethod(), path, status.getReasonPhrase());
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, path))
                .build();
    }
}
