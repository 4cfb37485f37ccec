package io.github.romeojuliet.romeo.client;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * What resources call: one guarded call to Juliet, timed by outcome and by the Juliet version
 * that answered. It sits outside {@link JulietClient}'s fault-tolerance guards so that it also
 * sees, names and times the failures the guards themselves raise (open circuit, overall timeout).
 */
@ApplicationScoped
public class JulietCalls {

    static final String TIMER = "romeo.juliet.calls";
    private static final String NO_VERSION = "none";

    private final JulietClient client;
    private final MeterRegistry registry;

    JulietCalls(JulietClient client, MeterRegistry registry) {
        this.client = client;
        this.registry = registry;
    }

    public TimedGreeting greet() {
        long started = System.nanoTime();
        try {
            JulietGreeting greeting = client.greet();
            Duration roundTrip = since(started);
            timer("success", greeting.version()).record(roundTrip);
            return new TimedGreeting(greeting, roundTrip);
        } catch (JulietCallException e) {
            throw recorded(e, started);
        } catch (CircuitBreakerOpenException e) {
            throw recorded(new JulietCallException(JulietFailure.CIRCUIT_OPEN,
                    "Juliet at %s failed too often; calls are paused for a few seconds".formatted(client.julietUrl()),
                    e), started);
        } catch (TimeoutException e) {
            throw recorded(new JulietCallException(JulietFailure.TIMED_OUT,
                    "Juliet at %s did not answer in time".formatted(client.julietUrl()), e), started);
        }
    }

    private JulietCallException recorded(JulietCallException failure, long started) {
        timer(failure.failure().slug(), NO_VERSION).record(since(started));
        return failure;
    }

    private Timer timer(String outcome, String julietVersion) {
        return Timer.builder(TIMER)
                .description("Calls from Romeo to Juliet, retries included")
                .tag("outcome", outcome)
                .tag("juliet_version", julietVersion == null ? NO_VERSION : julietVersion)
                .register(registry);
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
