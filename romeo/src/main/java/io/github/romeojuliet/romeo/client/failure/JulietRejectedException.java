package io.github.romeojuliet.romeo.client.failure;

import java.time.Duration;
import java.util.Optional;

/**
 * Juliet answered, but not with a greeting, and not because she is failing: a 4xx (Romeo asked
 * for something she does not serve), a redirect or an empty 2xx from something in front of her,
 * or a 408/429 asking Romeo to come back later. None of these is held against her by the circuit
 * breaker. Only the 408/429 kind is worth retrying, and only while a retry after her Retry-After
 * still fits in the call's deadline.
 */
public class JulietRejectedException extends JulietCallException {

    private final Duration retryAfter;
    private final boolean worthRetrying;

    public JulietRejectedException(JulietFailure failure, String callerDetail, String operatorDetail, Throwable cause) {
        this(failure, callerDetail, operatorDetail, cause, null, false);
    }

    JulietRejectedException(JulietFailure failure, String callerDetail, String operatorDetail, Throwable cause,
                            Duration retryAfter, boolean worthRetrying) {
        super(failure, callerDetail, operatorDetail, cause);
        this.retryAfter = retryAfter;
        this.worthRetrying = worthRetrying;
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public boolean worthRetrying() {
        return worthRetrying;
    }

    /** The same rejection, to be answered now: no retry after it would fit in what is left of the deadline. */
    public JulietRejectedException notRetried() {
        return worthRetrying ? new JulietRejectedException(failure(), callerDetail(), getMessage(), getCause(), retryAfter, false)
                : this;
    }
}
