package io.github.romeojuliet.romeo.client.failure;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.StreamResetException;
import jakarta.inject.Singleton;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * The one place that says what a failed call to Juliet means: whatever the HTTP client or the
 * guards threw becomes a {@link JulietCallException}, decided by the exception's type (never its
 * name or message, which a Vert.x or Netty upgrade may change). The client wraps its causes
 * differently per transport, so the whole cause chain is searched. docs/failures.md is the table.
 */
@Singleton
public class JulietFailureClassifier {

    private static final int OK = 200;

    private final String julietUrl;

    JulietFailureClassifier(@ConfigProperty(name = "quarkus.rest-client.juliet.url") String julietUrl) {
        this.julietUrl = julietUrl;
    }

    public JulietCallException classify(Throwable thrown) {
        if (thrown instanceof JulietCallException known) {
            return known;
        }
        if (thrown instanceof CircuitBreakerOpenException) {
            return failure(JulietFailure.CIRCUIT_OPEN, "failed too often; calls are paused for a few seconds", thrown);
        }
        if (thrown instanceof WebApplicationException answered) {
            return answered(answered.getResponse(), thrown);
        }
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException) {
                return failure(JulietFailure.UNREACHABLE, "could not be resolved", thrown);
            }
            // Before ConnectException, which it extends.
            if (cause instanceof ConnectTimeoutException) {
                return failure(JulietFailure.UNREACHABLE, "did not accept a connection in time", thrown);
            }
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
                return failure(JulietFailure.UNREACHABLE, "refused the connection", thrown);
            }
            // The deadline's, the HTTP client's read timeout, and the guards' own.
            if (cause instanceof TimeoutException
                    || cause instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException) {
                return failure(JulietFailure.TIMED_OUT, "did not answer in time", thrown);
            }
        }
        // Only then a broken exchange, which may wrap one of the above.
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpClosedException || cause instanceof StreamResetException || cause instanceof IOException) {
                return failure(JulietFailure.BAD_ANSWER, "closed the connection before answering in full", thrown);
            }
        }
        return new JulietCallException(JulietFailure.BAD_ANSWER, "Juliet failed", describe("failed") + causeOf(thrown), thrown);
    }

    /** An answer that came back but is not a greeting: any status but 200, or a 200 with no body. */
    public JulietCallException notAGreeting(int status) {
        if (status == OK) {
            String detail = "answered HTTP 200 without a greeting";
            return new JulietCallException(JulietFailure.BAD_ANSWER, "Juliet " + detail, describe(detail), null);
        }
        String detail = "answered HTTP " + status + ", not a greeting";
        return new JulietRejectedException(JulietFailure.BAD_ANSWER, "Juliet " + detail, describe(detail), null);
    }

    /** A 200 whose body could not be read as a greeting. */
    public JulietCallException unreadable(Throwable cause) {
        String detail = "answered HTTP 200 with a body that is not a greeting";
        return new JulietCallException(JulietFailure.BAD_ANSWER, "Juliet " + detail, describe(detail), cause);
    }

    /**
     * An error status: 408 and 429 ask Romeo to come back later (retried while that fits in the
     * deadline, never held against her); any other 4xx would be the same answer again; a 5xx is
     * Juliet failing.
     */
    private JulietCallException answered(Response answer, Throwable thrown) {
        int status = answer.getStatus();
        String detail = "answered HTTP " + status;
        if (status == 408 || status == 429) {
            Duration retryAfter = retryAfter(answer.getHeaderString("Retry-After"));
            return new JulietRejectedException(JulietFailure.BUSY, "Juliet " + detail + ": asked to come back later",
                    describe(detail), thrown, retryAfter, true);
        }
        if (status < 500) {
            return new JulietRejectedException(JulietFailure.BAD_ANSWER, "Juliet " + detail, describe(detail), thrown);
        }
        return new JulietCallException(JulietFailure.BAD_ANSWER, "Juliet " + detail, describe(detail), thrown);
    }

    private JulietCallException failure(JulietFailure kind, String what, Throwable cause) {
        return new JulietCallException(kind, "Juliet " + what, describe(what) + causeOf(cause), cause);
    }

    private String describe(String what) {
        return "Juliet at " + julietUrl + " " + what;
    }

    /** RFC 9110's Retry-After: delay-seconds or an HTTP-date; null when absent or unreadable. */
    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(trimmed)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static String causeOf(Throwable thrown) {
        Throwable root = thrown;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return " (" + root.getClass().getName() + (root.getMessage() == null ? "" : ": " + root.getMessage()) + ")";
    }
}
