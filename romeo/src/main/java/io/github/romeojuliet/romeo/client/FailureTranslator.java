package io.github.romeojuliet.romeo.client;

import jakarta.ws.rs.WebApplicationException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/**
 * Reads what the HTTP client threw and says, in one line, which {@link JulietFailure} it was.
 * The client wraps its causes differently per transport, so the whole cause chain is searched.
 */
final class FailureTranslator {

    private FailureTranslator() {
    }

    static JulietCallException translate(Throwable thrown, String julietUrl) {
        if (thrown instanceof WebApplicationException answered) {
            int status = answered.getResponse().getStatus();
            String detail = "Juliet at %s answered HTTP %d".formatted(julietUrl, status);
            return status < 500
                    ? new JulietRejectedException(detail, thrown)
                    : new JulietCallException(JulietFailure.BAD_ANSWER, detail, thrown);
        }
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException) {
                return new JulietCallException(JulietFailure.UNREACHABLE,
                        "Juliet at %s: unknown host %s".formatted(julietUrl, cause.getMessage()), thrown);
            }
            if (isConnectTimeout(cause)) {
                return new JulietCallException(JulietFailure.UNREACHABLE,
                        "Juliet at %s did not accept a connection in time".formatted(julietUrl), thrown);
            }
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
                return new JulietCallException(JulietFailure.UNREACHABLE,
                        "Juliet at %s refused the connection".formatted(julietUrl), thrown);
            }
            if (cause instanceof TimeoutException || cause.getClass().getSimpleName().contains("Timeout")) {
                return new JulietCallException(JulietFailure.TIMED_OUT,
                        "Juliet at %s did not answer in time".formatted(julietUrl), thrown);
            }
            if (isClosedConnection(cause)) {
                return new JulietCallException(JulietFailure.BAD_ANSWER,
                        "Juliet at %s closed the connection without answering".formatted(julietUrl), thrown);
            }
        }
        return new JulietCallException(JulietFailure.BAD_ANSWER,
                "Juliet at %s: %s".formatted(julietUrl, rootMessage(thrown)), thrown);
    }

    private static boolean isConnectTimeout(Throwable cause) {
        return cause.getClass().getSimpleName().equals("ConnectTimeoutException");
    }

    private static boolean isClosedConnection(Throwable cause) {
        String name = cause.getClass().getSimpleName();
        String message = String.valueOf(cause.getMessage()).toLowerCase();
        return name.equals("HttpClosedException") || name.equals("ClosedChannelException")
                || message.contains("connection was closed") || message.contains("connection reset");
    }

    private static String rootMessage(Throwable thrown) {
        Throwable root = thrown;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
