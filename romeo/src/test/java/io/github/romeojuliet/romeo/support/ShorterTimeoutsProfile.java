package io.github.romeojuliet.romeo.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Shrinks every wait so fault tests finish in seconds, and keeps the circuit breaker out of the
 * way: each test here checks one kind of failure, and an open circuit would hide it.
 */
public class ShorterTimeoutsProfile implements QuarkusTestProfile {

    static final String CALLS = "romeo.calls.";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.rest-client.juliet.connect-timeout", "200",
                "quarkus.rest-client.juliet.read-timeout", "300",
                CALLS + "deadline", "1s",
                CALLS + "retry.delay", "10ms",
                CALLS + "retry.jitter", "5ms",
                CALLS + "circuit-breaker.enabled", "false");
    }
}
