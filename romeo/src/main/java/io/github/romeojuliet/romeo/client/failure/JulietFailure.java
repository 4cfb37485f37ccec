package io.github.romeojuliet.romeo.client.failure;

/**
 * The ways a call to Juliet can fail, each with the HTTP status Romeo answers with, in the sense
 * a gateway gives them: 502 when Juliet answered badly, 503 when she could not be reached or asked
 * to be left alone for a while, 504 when she did not answer in time. docs/failures.md is the table
 * of what leads to each, and FailureTableTest keeps the two in step.
 */
public enum JulietFailure {
    UNREACHABLE(503, "Juliet unreachable"),
    CIRCUIT_OPEN(503, "Juliet circuit open"),
    BUSY(503, "Juliet busy"),
    TIMED_OUT(504, "Juliet timed out"),
    BAD_ANSWER(502, "Juliet answered badly");

    private final int status;
    private final String title;
    private final String slug;

    JulietFailure(int status, String title) {
        this.status = status;
        this.title = title;
        this.slug = name().toLowerCase().replace('_', '-');
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** A stable, URI-safe name for problem types and metric tags. */
    public String slug() {
        return slug;
    }
}
