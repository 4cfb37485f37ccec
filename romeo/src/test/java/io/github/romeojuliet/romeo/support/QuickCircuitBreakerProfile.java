package io.github.romeojuliet.romeo.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The production circuit breaker, with a pause short enough to watch it close again in a test. */
public class QuickCircuitBreakerProfile implements QuarkusTestProfile {

    public static final long PAUSE_MILLIS = 1000;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.rest-client.juliet.read-timeout", "300",
                ShorterTimeoutsProfile.GREET + "retry.delay", "10",
                ShorterTimeoutsProfile.GREET + "retry.jitter", "5",
                ShorterTimeoutsProfile.GREET + "circuit-breaker.delay", String.valueOf(PAUSE_MILLIS));
    }
}
