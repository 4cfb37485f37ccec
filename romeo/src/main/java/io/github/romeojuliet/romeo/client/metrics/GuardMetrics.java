package io.github.romeojuliet.romeo.client.metrics;

import io.github.romeojuliet.romeo.client.failure.JulietCallException;
import io.github.romeojuliet.romeo.client.failure.JulietFailure;
import io.github.romeojuliet.romeo.client.failure.JulietRejectedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;

/**
 * What the guards around calls to Juliet did: the retries they made, and each call the circuit
 * breaker counted for her, against her, or turned away while open. Every counter is built once, at
 * start (not on the first call), so rate() and alerts read zero before anything happened. The
 * fault tolerance library's own metrics are off (quarkus.fault-tolerance.metrics.enabled): they
 * looked their counters up on every call (their cost: docs/performance.md).
 *
 * <p>The circuit's counts are taken from each call's outcome by the breaker's own rules, not from
 * listeners on the guard, which would be added to every call's context: a call that failed counts
 * against Juliet, unless she rejected it (a 4xx, which the breaker skips) or the open circuit
 * turned it away.
 */
@Singleton
@Startup
public class GuardMetrics {

    public static final String RETRIES = "romeo.juliet.retries";
    public static final String CIRCUIT_CALLS = "romeo.juliet.circuit.calls";

    private final Counter retries;
    private final Counter circuitSuccesses;
    private final Counter circuitFailures;
    private final Counter circuitPrevented;

    GuardMetrics(MeterRegistry registry) {
        this.retries = Counter.builder(RETRIES)
                .description("Attempts to reach Juliet made again after one failed, within a call's deadline")
                .register(registry);
        this.circuitSuccesses = circuitCalls(registry, "success");
        this.circuitFailures = circuitCalls(registry, "failure");
        this.circuitPrevented = circuitCalls(registry, "prevented");
    }

    public void retried() {
        retries.increment();
    }

    public void circuitSucceeded() {
        circuitSuccesses.increment();
    }

    /** A failed call, as the breaker counted it. */
    public void circuitCounted(JulietCallException problem) {
        if (problem.failure() == JulietFailure.CIRCUIT_OPEN) {
            circuitPrevented.increment();
        } else if (problem instanceof JulietRejectedException) {
            circuitSuccesses.increment();
        } else {
            circuitFailures.increment();
        }
    }

    private static Counter circuitCalls(MeterRegistry registry, String result) {
        return Counter.builder(CIRCUIT_CALLS)
                .description("Calls to Juliet as the circuit breaker counted them: for her (success), against her"
                        + " (failure), or turned away while the circuit was open (prevented)")
                .tag("result", result)
                .register(registry);
    }
}
