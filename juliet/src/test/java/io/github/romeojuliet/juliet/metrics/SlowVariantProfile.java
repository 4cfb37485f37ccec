package io.github.romeojuliet.juliet.metrics;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** A Juliet that answers every greeting 200 ms late (JULIET_FAULT_LATENCY=200ms). */
public class SlowVariantProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("juliet.fault.latency", "200ms");
    }
}
