package io.github.romeojuliet.romeo.client.failure;

/** A call to Juliet that failed, already translated into what it means for Romeo's caller. */
public class JulietCallException extends RuntimeException {

    private final JulietFailure failure;

    public JulietCallException(JulietFailure failure, String detail, Throwable cause) {
        super(detail, cause, false, false);
        this.failure = failure;
    }

    public JulietFailure failure() {
        return failure;
    }
}
