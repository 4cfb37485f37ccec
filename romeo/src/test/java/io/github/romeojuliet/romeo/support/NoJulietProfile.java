package io.github.romeojuliet.romeo.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Points Romeo at a loopback port that was free a moment ago, so every connection is refused. */
public class NoJulietProfile extends ShorterTimeoutsProfile {

    public static final String URL = "http://localhost:" + FreePorts.next();

    @Override
    public Map<String, String> getConfigOverrides() {
        var overrides = new java.util.HashMap<>(super.getConfigOverrides());
        overrides.put("quarkus.rest-client.juliet.url", URL);
        return overrides;
    }
}
