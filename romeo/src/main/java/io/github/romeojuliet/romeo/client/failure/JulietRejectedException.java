package io.github.romeojuliet.romeo.client.failure;

/**
 * Juliet answered with a 4xx: Romeo asked for something she does not serve, usually a wrong URL
 * in Romeo's configuration. Asking again would get the same answer, so this is neither retried
 * nor held against Juliet by the circuit breaker.
 */
public class JulietRejectedException extends JulietCallException {

    public JulietRejectedException(String detail, Throwable cause) {
        super(JulietFailure.BAD_ANSWER, detail, cause);
    }
}
