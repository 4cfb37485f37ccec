package io.github.romeojuliet.romeo.rest;

import io.github.romeojuliet.common.rest.Problem;
import io.github.romeojuliet.romeo.client.transport.CookiePair;
import io.github.romeojuliet.romeo.config.RomeoConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Romeo forwards one short value of each routing hint (romeo.forward-headers, romeo.forward-cookies)
 * to Juliet. A request carrying more, or a longer one, is refused here with 431, before any call:
 * hundreds of hint headers once made Romeo's own HTTP/2 client fail, a failure that was retried and
 * held against Juliet, so a few such requests opened the circuit for every caller.
 */
public class RoutingHintLimits {

    static final String TYPE = JulietCallExceptionMapper.TYPE_PREFIX + "routing-hint-refused";
    private static final int TOO_LARGE = 431;

    private final String[] headers;
    private final Set<String> cookies;
    private final int maxLength;

    RoutingHintLimits(RomeoConfig config) {
        this.headers = config.forwardHeaders().toArray(String[]::new);
        this.cookies = config.forwardCookies();
        this.maxLength = config.routingHintMaxLength();
    }

    @ServerRequestFilter
    public Response refuseOversizedHints(HttpServerRequest request) {
        for (String header : headers) {
            // A lookup, and a list built only for a request that carries the hint.
            String first = request.headers().get(header);
            if (first != null && (first.length() > maxLength || request.headers().getAll(header).size() > 1)) {
                return refused(request, "header " + header);
            }
        }
        if (!cookies.isEmpty() && request.headers().get(HttpHeaders.COOKIE) != null) {
            for (String line : request.headers().getAll(HttpHeaders.COOKIE)) {
                String refused = oversizedCookie(line);
                if (refused != null) {
                    return refused(request, "cookie " + refused);
                }
            }
        }
        return null;
    }

    /** Counts by name as sent: a parsed cookie jar would keep only one of two cookies with the same name. */
    private String oversizedCookie(String line) {
        List<CookiePair> pairs = CookiePair.named(line, cookies);
        Set<String> seen = pairs.size() > 1 ? new HashSet<>() : null;
        for (CookiePair pair : pairs) {
            if ((seen != null && !seen.add(pair.name())) || pair.valueLength() > maxLength) {
                return pair.name();
            }
        }
        return null;
    }

    private Response refused(HttpServerRequest request, String hint) {
        String detail = "the routing hint " + hint + " may be sent once, at most " + maxLength + " characters long";
        return Response.status(TOO_LARGE)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(TYPE, "Routing hint refused", TOO_LARGE, detail, request.path()))
                .build();
    }
}
