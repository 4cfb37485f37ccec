package io.github.romeojuliet.romeo.client.failure;

import jakarta.inject.Singleton;
import jakarta.ws.rs.WebApplicationException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * The one place that says what a failed call to Juliet means: whatever the HTTP client or the
 * fault-tolerance guards threw becomes a {@link JulietCallException} with its kind and a one-line
 * detail naming Juliet's URL. The client wraps its causes differently per transport, so the whole
 * cause chain is searched.
 */
@Singleton
public class JulietFailureClassifier {

    private final String julietUrl;

    JulietFailureClassifier(@ConfigProperty(name = "quarkus.rest-client.juliet.url") String julietUrl) {
        this.julietUrl = julietUrl;
    }

    /** Juliet's URL as configured, for anything that must say who could not be reached. */
    public String julietUrl() {
        return julietUrl;
    }

    public JulietCallException classify(Throwable thrown) {
        if (thrown instanceof JulietCallException known) {
            return known;
        }
        if (thrown instanceof CircuitBreakerOpenException) {
            return failure(JulietFailure.CIRCUIT_OPEN, "failed too often; calls are paused for a few seconds", thrown);
        }
        if (thrown instanceof WebApplicationException answered) {
            int status = answered.getResponse().getStatus();
            String detail = "answered HTTP " + status;
            return status < 500
                    ? new JulietRejectedException(describe(detail), thrown)
                    : failure(JulietFailure.BAD_ANSWER, detail, thrown);
        }
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException) {
                return failure(JulietFailure.UNREACHABLE, "could not be resolved (unknown host " + cause.getMessage() + ")", thrown);
            }
            if (cause.getClass().getSimpleName().equals("ConnectTimeoutException")) {
                return failure(JulietFailure.UNREACHABLE, "did not accept a connection in time", thrown);
            }
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
                return failure(JulietFailure.UNREACHABLE, "refused the connection", thrown);
            }
            if (isTimeout(cause)) {
                return failure(JulietFailure.TIMED_OUT, "did not answer in time", thrown);
            }
            if (isClosedConnection(cause)) {
                return failure(JulietFailure.BAD_ANSWER, "closed the connection without answering", thrown);
            }
        }
        return failure(JulietFailure.BAD_ANSWER, rootMessage(thrown), thrown);
    }

    private JulietCallException failure(JulietFailure kind, String what, Throwable cause) {
        return new JulietCallException(kind, describe(what), cause);
    }

    private String describe(String what) {
        return "Juliet at " + julietUrl + " " + what;
    }

    // The guards' own timeout (MicroProfile's TimeoutException), the JDK's and Vert.x's idle timeouts.
    private static boolean isTimeout(Throwable cause) {
        return cause instanceof TimeoutException
                || cause instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException
                || cause.getClass().getSimpleName().contains("Timeout");
    }

    private static boolean isClosedConnection(Throwable cause) {
        String name = cause.getClass().getSimpleName();
        String message = String.valueOf(cause.getMessage()).toLowerCase();
        return name.equals("HttpClosedException") || name.equals("ClosedChannelException")
                || message.contains("connection was closed") || message.contains("stream was closed")
                || message.contains("connection reset");
    }

    private static String rootMessage(Throwable thrown) {
        Throwable root = thrown;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return "failed: " + root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
