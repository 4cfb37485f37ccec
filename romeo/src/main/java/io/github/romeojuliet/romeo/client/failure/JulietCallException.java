package io.github.romeojuliet.romeo.client.failure;

import java.time.Duration;
import java.util.Optional;

/**
 * A call to Juliet that failed, already translated into what it means for Romeo's caller. The
 * message is for the operator (it names Juliet's address and the cause); the caller is told only
 * {@link #callerDetail()}.
 */
public class JulietCallException extends RuntimeException {

    private final JulietFailure failure;
    private final String callerDetail;

    public JulietCallException(JulietFailure failure, String callerDetail, String operatorDetail, Throwable cause) {
        super(operatorDetail, cause, false, false);
        this.failure = failure;
        this.callerDetail = callerDetail;
    }

    public JulietFailure failure() {
        return failure;
    }

    public String callerDetail() {
        return callerDetail;
    }

    /** How long Juliet asked to be left alone, when she said so. */
    public Optional<Duration> retryAfter() {
        return Optional.empty();
    }

    /** How long to wait before asking again: her Retry-After when it is longer than the usual delay. */
    public Duration waitBeforeRetry(Duration usualDelay) {
        return retryAfter().filter(asked -> asked.compareTo(usualDelay) > 0).orElse(usualDelay);
    }
}
