package io.github.romeojuliet.romeo.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Shrinks every wait so fault tests finish in seconds, and keeps the circuit breaker out of the
 * way: each test here checks one kind of failure, and an open circuit would hide it.
 */
public class ShorterTimeoutsProfile implements QuarkusTestProfile {

    static final String GREET = "quarkus.fault-tolerance.\"io.github.romeojuliet.romeo.client.JulietClient/greet\".";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.rest-client.juliet.connect-timeout", "200",
                "quarkus.rest-client.juliet.read-timeout", "300",
                GREET + "timeout.value", "1000",
                GREET + "retry.delay", "10",
                GREET + "retry.jitter", "5",
                GREET + "circuit-breaker.enabled", "false");
    }
}
