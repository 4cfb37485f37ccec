package io.github.romeojuliet.romeo.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.romeojuliet.romeo.config.RomeoConfig;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The figures every time bound in the failure tests comes from, read from the configuration the
 * Romeo under test runs with. Without a test profile that is application.properties' own
 * (connect 500 ms, read 1 s, deadline 2 s, retries 2 × 100 ms ± 50 ms, breaker 20 calls, 0.5, 5 s),
 * so those tests run at production figures and follow them when they change.
 */
@Singleton
public class CallFigures {

    private final RomeoConfig.Calls calls;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    CallFigures(RomeoConfig config,
                @ConfigProperty(name = "quarkus.rest-client.juliet.connect-timeout") long connectMillis,
                @ConfigProperty(name = "quarkus.rest-client.juliet.read-timeout") long readMillis) {
        this.calls = config.calls();
        this.connectTimeout = Duration.ofMillis(connectMillis);
        this.readTimeout = Duration.ofMillis(readMillis);
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration readTimeout() {
        return readTimeout;
    }

    public Duration deadline() {
        return calls.deadline();
    }

    /**
     * What the test's request and Romeo's answer may add, crossing loopback on a loaded machine,
     * to a time Romeo's own timer decides.
     */
    public Duration roundTripAllowance() {
        return deadline().dividedBy(4);
    }

    /** A call and all its retries. */
    public int attempts() {
        return 1 + calls.retry().maxRetries();
    }

    /** The least the waits between those attempts add up to: each is the delay minus at most the jitter. */
    public Duration shortestRetryWaits() {
        return calls.retry().delay().minus(calls.retry().jitter()).multipliedBy(calls.retry().maxRetries());
    }

    /** How many whole calls the circuit breaker judges at a time. */
    public int breakerWindow() {
        return calls.circuitBreaker().requestVolumeThreshold();
    }

    /** How long an open circuit keeps calls from Juliet before it lets one trial through. */
    public Duration breakerPause() {
        return calls.circuitBreaker().delay();
    }

    /** The Retry-After of a 503: the pause, in whole seconds rounded up. */
    public String retryAfter() {
        return String.valueOf((breakerPause().toMillis() + 999) / 1000);
    }

    /**
     * A call that failed fast every time made all its attempts: so it cannot have answered before
     * the waits between them, and all of it fits in the deadline.
     */
    public void assertRetriedWithinTheDeadline(TimedCall call, String what) {
        assertTrue(call.took().compareTo(shortestRetryWaits()) >= 0,
                () -> "Romeo answered " + what + " after " + call.took() + ", less than its retry waits alone ("
                        + shortestRetryWaits() + ")");
        assertTrue(call.took().compareTo(deadline()) < 0,
                () -> "Romeo answered " + what + " after " + call.took() + ", past the deadline " + deadline());
    }
}
