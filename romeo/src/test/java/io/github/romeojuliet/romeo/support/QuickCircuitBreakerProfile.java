package io.github.romeojuliet.romeo.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The production circuit breaker, with a pause short enough to watch it close again in a test and
 * long enough that it is still open when the test looks, even on a loaded machine.
 */
public class QuickCircuitBreakerProfile implements QuarkusTestProfile {

    public static final long PAUSE_MILLIS = 3000;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.rest-client.juliet.connect-timeout", "200",
                "quarkus.rest-client.juliet.read-timeout", "300",
                ShorterTimeoutsProfile.CALLS + "retry.delay", "10ms",
                ShorterTimeoutsProfile.CALLS + "retry.jitter", "5ms",
                ShorterTimeoutsProfile.CALLS + "circuit-breaker.delay", PAUSE_MILLIS + "ms");
    }
}
