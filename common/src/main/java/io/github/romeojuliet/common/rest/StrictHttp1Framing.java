package io.github.romeojuliet.common.rest;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;

/**
 * Refuses the HTTP/1.1 requests whose framing RFC 9112 calls invalid and Netty's decoder lets
 * through: an unknown HTTP version, a Transfer-Encoding other than chunked, more than one Host.
 * A few header lookups per HTTP/1.x request (the Host check lists that header's values);
 * docs/failures.md says what it cannot catch.
 */
public final class StrictHttp1Framing {

    private static final String CHUNKED = HttpHeaderValues.CHUNKED.toString();
    private static final String PROBLEM = """
            {"type":"about:blank","title":"Bad Request","status":400,"detail":"malformed HTTP/1.1 request framing"}""";

    private StrictHttp1Framing() {
    }

    /** Answers 400 and closes the connection when the request's framing is invalid; true if it did. */
    public static boolean refused(HttpServerRequest request) {
        HttpVersion version = request.version();
        if (version == HttpVersion.HTTP_2 || (version != null && framedWell(request.headers()))) {
            return false;
        }
        // Closed at once, before Vert.x takes up the next pipelined request: whatever followed the bad
        // one on this connection is never read as a request.
        request.response().setStatusCode(400)
                .putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                .end(PROBLEM);
        request.connection().close();
        return true;
    }

    private static boolean framedWell(MultiMap headers) {
        String codings = headers.get(HttpHeaderNames.TRANSFER_ENCODING);
        if (codings != null) {
            String last = codings.substring(codings.lastIndexOf(',') + 1).trim();
            if (!last.equalsIgnoreCase(CHUNKED)) {
                return false;
            }
        }
        return headers.getAll(HttpHeaderNames.HOST).size() <= 1;
    }
}
