package io.github.romeojuliet.romeo.support;

import io.github.romeojuliet.common.testing.FreePorts;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Points Romeo at a loopback port that was free a moment ago, so every connection is refused.
 * Every other figure stays production's: a refused connection fails at once, so they cost nothing.
 */
public class NoJulietProfile implements QuarkusTestProfile {

    public static final String URL = "http://localhost:" + FreePorts.next();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.rest-client.juliet.url", URL);
    }
}
