package io.github.romeojuliet.juliet.fault;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** A bad v2 as a chart variant would carry it: every greeting late, and every one failing. */
public class SlowAndFailingVariantProfile implements QuarkusTestProfile {

    static final long LATENCY_MILLIS = 400;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "juliet.fault.latency", LATENCY_MILLIS + "ms",
                "juliet.fault.error-rate", "1");
    }
}
