package io.github.romeojuliet.romeo.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Romeo's only way to reach Juliet. It keeps every call bounded: the HTTP client's connect and
 * read timeouts fail a single attempt fast, a couple of jittered retries ride out a pod being
 * replaced behind the Service (safe, because the greeting is an idempotent GET; a 4xx is not
 * retried, since asking again gets the same answer), and the circuit
 * breaker stops Romeo from queueing on a Juliet that is plainly gone, then lets a probe call
 * through after a pause. Figures live in application.properties under {@code quarkus.fault-tolerance}.
 */
@ApplicationScoped
public class JulietClient {

    private final JulietRestClient juliet;
    private final String julietUrl;

    JulietClient(@RestClient JulietRestClient juliet,
                 @ConfigProperty(name = "quarkus.rest-client.juliet.url") String julietUrl) {
        this.juliet = juliet;
        this.julietUrl = julietUrl;
    }

    /** Juliet's URL as configured, for messages that must say who could not be reached. */
    public String julietUrl() {
        return julietUrl;
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, maxDuration = 5, durationUnit = ChronoUnit.SECONDS,
            retryOn = {JulietCallException.class, TimeoutException.class}, abortOn = JulietRejectedException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 1, skipOn = JulietRejectedException.class)
    public JulietGreeting greet() {
        try {
            return juliet.greet();
        } catch (RuntimeException e) {
            throw FailureTranslator.translate(e, julietUrl);
        }
    }

    /** One quick look at Juliet's readiness for Romeo's health report; no retries on this path. */
    public boolean isJulietReady() {
        try {
            juliet.readiness();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
