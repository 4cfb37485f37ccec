package io.github.romeojuliet.romeo.support;

import static io.restassured.RestAssured.given;

/**
 * Reads Romeo's own Prometheus page, where the counts of what the guards did show what no scripted
 * Juliet can: the attempts made against an address where nobody answers at all.
 */
public final class RomeoMetrics {

    /** The retries of single attempts. */
    public static final String RETRIES = "romeo_juliet_retries_total";
    /** Calls the circuit breaker counted as failures: what is held against Juliet. */
    public static final String BREAKER_FAILURES = "romeo_juliet_circuit_calls_total{result=\"failure\"}";
    /** Calls the open circuit turned away before they reached Juliet. */
    public static final String BREAKER_PREVENTED = "romeo_juliet_circuit_calls_total{result=\"prevented\"}";

    private RomeoMetrics() {
    }

    /**
     * The series' current value. A series that is not there fails the test rather than reading as
     * 0, so a renamed guard or label cannot turn a comparison into one that always holds.
     */
    public static double value(String series) {
        String page = given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
        for (String line : page.split("\n")) {
            // The text format may close a label set with a trailing comma: {a="x",}.
            String normalised = line.replace(",}", "}");
            if (normalised.startsWith(series + " ")) {
                return Double.parseDouble(normalised.substring(series.length() + 1).trim());
            }
        }
        throw new AssertionError("no " + series + " on Romeo's /q/metrics");
    }
}
