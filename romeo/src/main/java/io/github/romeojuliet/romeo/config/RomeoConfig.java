package io.github.romeojuliet.romeo.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Set;

/**
 * Everything an operator may change about how Romeo calls Juliet, read from {@code romeo.*}. The
 * figures live in application.properties and nowhere else; Juliet's address and the HTTP
 * client's own connect and read timeouts are {@code quarkus.rest-client.juliet.*}.
 */
@ConfigMapping(prefix = "romeo")
public interface RomeoConfig {

    /**
     * Request headers copied onto the call to Juliet, so an Ingress or Gateway between the two can
     * route it by header. Anything not listed stays with Romeo.
     */
    Set<String> forwardHeaders();

    /** Cookies copied onto the call to Juliet, for cookie-based A/B routing. */
    Set<String> forwardCookies();

    /** How hard Romeo tries before it tells its caller that Juliet failed. */
    Calls calls();

    interface Calls {

        /** The longest one attempt may take, whatever the HTTP client's own timeouts say. */
        Duration attemptTimeout();

        Retry retry();

        CircuitBreaker circuitBreaker();
    }

    /** Retries of the idempotent greeting, so one pod being replaced behind the Service goes unnoticed. */
    interface Retry {

        int maxRetries();

        Duration delay();

        /** Spreads retries out so callers that failed together do not all come back together. */
        Duration jitter();

        /** No retry starts once this much time has passed since the first attempt. */
        Duration maxDuration();
    }

    /** Stops Romeo from queueing calls on a Juliet that is plainly gone. */
    interface CircuitBreaker {

        boolean enabled();

        /** How many recent attempts the failure ratio is taken over. */
        int requestVolumeThreshold();

        double failureRatio();

        /** How long the circuit stays open before one trial call is let through. */
        Duration delay();
    }
}
