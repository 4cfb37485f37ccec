package io.github.romeojuliet.romeo.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.romeojuliet.romeo.support.RomeoMetrics;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Romeo builds his client, its guards and its metrics at start, not at the first call: before anyone
 * has called, a fresh Romeo (its own profile, so no other test's calls came first) already shows them.
 */
@QuarkusTest
@TestProfile(BuiltAtStartTest.Fresh.class)
class BuiltAtStartTest {

    @Test
    void theGuardsMetricsAreThereBeforeTheFirstCall() {
        assertEquals(0, RomeoMetrics.value(RomeoMetrics.RETRIES));
        assertEquals(0, RomeoMetrics.value(RomeoMetrics.BREAKER_FAILURES));
        assertEquals(1, RomeoMetrics.value("romeo_juliet_circuit_state{state=\"closed\"}"));
    }

    public static class Fresh implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.rest-client.juliet.url", "http://127.0.0.1:9");
        }
    }
}
